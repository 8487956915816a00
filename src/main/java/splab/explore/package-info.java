/**
 * The run explorer: {@code explorer.html}, one self-contained page per run in which a person picks a held-out
 * query and sees its graph drawn, the model's path beside a shortest path and the SLN and Steinerberger walks,
 * the model's attention at each step of its path mapped onto the edges, and the edges coloured by an eigenvector
 * of the Laplacian of L(G) beside a principal component of the model's edge representations.
 * {@link splab.explore.QueryPicker} decodes and chooses the queries, {@link splab.explore.ModelProbe} records the
 * model on each chosen query, {@link splab.explore.ExplorerData} is the JSON the page embeds and
 * {@link splab.explore.ExplorerPage} writes the page.
 */
package splab.explore;
