package splab.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * AdamW (Loshchilov and Hutter) written with NDArray moments so that its whole state (first and
 * second moments and the step count) can be saved and restored for an exact resume, which DJL's
 * built-in optimizer does not allow.
 *
 * <p>Per parameter p with gradient g at step t (1-based):
 * {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
 * p = p (1 - lr wd) - lr (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)}.
 * Decay applies only to parameters of type WEIGHT (matrices and embeddings), not to biases or norms.
 * Global-norm clipping scales all gradients together when their joint L2 norm exceeds a bound.
 * Updates run outside any gradient collector, so in-place changes of the leaves are allowed.
 *
 * <p>All moments live in two flat buffers (every parameter's elements one after another), and the
 * gradients are gathered into one flat array per step, so the update is a dozen whole-model operations
 * instead of a dozen per parameter; only the final subtraction and the gradient reset touch each
 * parameter. Checkpoints still hold one moment array per parameter.
 */
public final class AdamW {

    private final List<Parameter> parameters = new ArrayList<>();
    private final long[] offsets; // start of parameter i in the flat buffers; offsets[n] = total size
    private NDArray firstMoment;
    private NDArray secondMoment;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private long step;

    public AdamW(PairList<String, Parameter> params, NDManager stateManager) {
        this(params, stateManager, 0.9, 0.95, 1e-8);
    }

    public AdamW(PairList<String, Parameter> params, NDManager stateManager,
                 double beta1, double beta2, double epsilon) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        for (Pair<String, Parameter> p : params) {
            if (p.getValue().requiresGradient()) {
                parameters.add(p.getValue());
            }
        }
        offsets = new long[parameters.size() + 1];
        for (int i = 0; i < parameters.size(); i++) {
            offsets[i + 1] = offsets[i] + parameters.get(i).getShape().size();
        }
        Device device = parameters.isEmpty() ? stateManager.getDevice() : parameters.get(0).getArray().getDevice();
        firstMoment = stateManager.zeros(new Shape(offsets[parameters.size()]), DataType.FLOAT32, device);
        secondMoment = stateManager.zeros(new Shape(offsets[parameters.size()]), DataType.FLOAT32, device);
    }

    /** Steps taken so far. */
    public long step() {
        return step;
    }

    /** The flat first and second moments (for tests: they must sit on the parameters' device). */
    public NDList moments() {
        return new NDList(firstMoment, secondMoment);
    }

    /**
     * Clips by global norm (when {@code maxNorm > 0}), applies one AdamW update and zeroes the
     * gradients. Temporaries go to {@code scratch}, which the caller closes. Returns the gradient norm
     * before clipping.
     */
    public double update(double learningRate, double weightDecay, double maxNorm, NDManager scratch) {
        NDList flatGrads = new NDList(parameters.size());
        for (Parameter p : parameters) {
            NDArray g = p.getArray().getGradient();
            g.attach(scratch); // the wrapper would otherwise join the model's manager and leak
            flatGrads.add(g.reshape(-1));
        }
        NDArray g = NDArrays.concat(flatGrads);
        double norm = Math.sqrt(g.dot(g).getFloat());
        if (maxNorm > 0 && norm > maxNorm) {
            g.muli(scalar(scratch, maxNorm / (norm + 1e-6)));
        }

        step++;
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = 1 - Math.pow(beta2, step);
        firstMoment.muli(scalar(scratch, beta1)).addi(g.mul(scalar(scratch, 1 - beta1)));
        secondMoment.muli(scalar(scratch, beta2)).addi(g.muli(g).muli(scalar(scratch, 1 - beta2)));
        NDArray denominator = secondMoment.sqrt();
        denominator.attach(scratch);
        denominator.muli(scalar(scratch, 1 / Math.sqrt(correction2))).addi(scalar(scratch, epsilon));
        NDArray update = firstMoment.div(denominator);
        update.attach(scratch);
        update.muli(scalar(scratch, learningRate / correction1));
        NDList pieces = update.split(java.util.Arrays.copyOfRange(offsets, 1, parameters.size()));
        NDArray decay = scalar(scratch, 1 - learningRate * weightDecay);
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            NDArray weight = p.getArray();
            if (weightDecay > 0 && p.getType() == Parameter.Type.WEIGHT) {
                weight.muli(decay);
            }
            weight.subi(pieces.get(i).reshape(p.getShape()));
            JniUtils.zeroGrad((PtNDArray) weight);
        }
        return norm;
    }

    /** A float scalar on the update's device; scalars as Java numbers would break gradients elsewhere. */
    private NDArray scalar(NDManager scratch, double value) {
        return scratch.create((float) value).toDevice(firstMoment.getDevice(), false);
    }

    /** Writes step count and moments, one array per parameter (parameters themselves are saved by the model). */
    public void save(OutputStream out) throws IOException {
        try (NDManager scratch = firstMoment.getManager().newSubManager()) {
            NDList state = new NDList();
            for (NDArray flat : new NDArray[] {firstMoment, secondMoment}) {
                NDList pieces = flat.split(java.util.Arrays.copyOfRange(offsets, 1, parameters.size()));
                for (int i = 0; i < parameters.size(); i++) {
                    NDArray piece = pieces.get(i).reshape(parameters.get(i).getShape());
                    piece.attach(scratch);
                    state.add(piece);
                }
                pieces.attach(scratch);
            }
            new java.io.DataOutputStream(out).writeLong(step);
            state.encode(out);
        }
    }

    /** Restores what {@link #save} wrote; the parameter list must match the one saved. */
    public void load(InputStream in, NDManager stateManager) throws IOException {
        long savedStep = new java.io.DataInputStream(in).readLong();
        int n = parameters.size();
        try (NDManager scratch = stateManager.newSubManager()) {
            NDList state = NDList.decode(scratch, in);
            if (state.size() != 2 * n) {
                throw new IOException("optimizer state holds " + state.size() / 2 + " parameters, model has " + n);
            }
            NDList first = new NDList(n);
            NDList second = new NDList(n);
            for (int i = 0; i < n; i++) {
                if (!state.get(i).getShape().equals(parameters.get(i).getShape())) {
                    throw new IOException("optimizer state shape mismatch at parameter " + parameters.get(i).getName());
                }
                first.add(state.get(i).reshape(-1));
                second.add(state.get(n + i).reshape(-1));
            }
            Device device = firstMoment.getDevice();
            firstMoment.set(NDArrays.concat(first).toDevice(device, false).toByteBuffer());
            secondMoment.set(NDArrays.concat(second).toDevice(device, false).toByteBuffer());
        }
        step = savedStep;
    }
}
