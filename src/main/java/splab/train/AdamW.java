package splab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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
 */
public final class AdamW {

    private final List<Parameter> parameters = new ArrayList<>();
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
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
            Parameter parameter = p.getValue();
            if (!parameter.requiresGradient()) {
                continue;
            }
            parameters.add(parameter);
            firstMoments.add(stateManager.zeros(parameter.getShape()));
            secondMoments.add(stateManager.zeros(parameter.getShape()));
        }
    }

    /** Steps taken so far. */
    public long step() {
        return step;
    }

    /**
     * Clips by global norm (when {@code maxNorm > 0}), applies one AdamW update and zeroes the
     * gradients. Temporaries go to {@code scratch}, which the caller closes. Returns the gradient norm
     * before clipping.
     */
    public double update(double learningRate, double weightDecay, double maxNorm, NDManager scratch) {
        List<NDArray> grads = new ArrayList<>(parameters.size());
        NDArray sumSquares = null;
        for (Parameter p : parameters) {
            NDArray g = p.getArray().getGradient();
            g.attach(scratch); // the wrapper would otherwise join the model's manager and leak
            grads.add(g);
            NDArray s = g.square().sum();
            sumSquares = sumSquares == null ? s : sumSquares.add(s);
        }
        double norm = Math.sqrt(sumSquares.getFloat());
        if (maxNorm > 0 && norm > maxNorm) {
            NDArray factor = scratch.create((float) (maxNorm / (norm + 1e-6)));
            for (NDArray g : grads) {
                g.muli(factor);
            }
        }

        step++;
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = 1 - Math.pow(beta2, step);
        NDArray b1 = scratch.create((float) beta1);
        NDArray oneMinusB1 = scratch.create((float) (1 - beta1));
        NDArray b2 = scratch.create((float) beta2);
        NDArray oneMinusB2 = scratch.create((float) (1 - beta2));
        NDArray invSqrtCorrection2 = scratch.create((float) (1 / Math.sqrt(correction2)));
        NDArray eps = scratch.create((float) epsilon);
        NDArray stepSize = scratch.create((float) (learningRate / correction1));
        NDArray decay = scratch.create((float) (1 - learningRate * weightDecay));
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            NDArray g = grads.get(i);
            NDArray m = firstMoments.get(i);
            NDArray v = secondMoments.get(i);
            m.muli(b1).addi(g.mul(oneMinusB1));
            v.muli(b2).addi(g.square().mul(oneMinusB2));
            NDArray denominator = v.sqrt();
            denominator.attach(scratch);
            NDArray update = m.div(denominator.muli(invSqrtCorrection2).addi(eps));
            update.attach(scratch);
            NDArray weight = p.getArray();
            if (weightDecay > 0 && p.getType() == Parameter.Type.WEIGHT) {
                weight.muli(decay);
            }
            weight.subi(update.muli(stepSize));
            JniUtils.zeroGrad((PtNDArray) weight);
        }
        return norm;
    }

    /** Writes step count and moments (parameters themselves are saved by the model). */
    public void save(OutputStream out) throws IOException {
        NDList state = new NDList();
        state.addAll(firstMoments);
        state.addAll(secondMoments);
        new java.io.DataOutputStream(out).writeLong(step);
        state.encode(out);
    }

    /** Restores what {@link #save} wrote; the parameter list must match the one saved. */
    public void load(InputStream in, NDManager stateManager) throws IOException {
        long savedStep = new java.io.DataInputStream(in).readLong();
        NDList state = NDList.decode(stateManager, in);
        int n = parameters.size();
        if (state.size() != 2 * n) {
            throw new IOException("optimizer state holds " + state.size() / 2 + " parameters, model has " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!state.get(i).getShape().equals(parameters.get(i).getShape())) {
                throw new IOException("optimizer state shape mismatch at parameter " + parameters.get(i).getName());
            }
            firstMoments.get(i).close();
            secondMoments.get(i).close();
            firstMoments.set(i, state.get(i));
            secondMoments.set(i, state.get(n + i));
        }
        step = savedStep;
    }
}
