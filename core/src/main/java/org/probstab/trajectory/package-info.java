/**
 * The trajectory engine (DESIGN §2, "Monte-Carlo trajectories"): many independent runs of a random product
 * θ_{t+1} = (I − λĤ_t) θ_t advanced in lockstep on primitive arrays, block by block, each run drawing its block's
 * randomness from its own stream ({@link org.probstab.random.RunStreams}) in one call, with no interface call per step.
 * {@link org.probstab.trajectory.ScalarProductEngine} runs commuting (rank-1) products with lanes — several signed λ
 * on the same draws — renormalised or with the papers' cut-offs; {@link org.probstab.trajectory.MatrixProductEngine}
 * the d×d products. The laws are data ({@link org.probstab.trajectory.CurvatureDraws},
 * {@link org.probstab.trajectory.MatrixDraws}). It sits below {@code lyapunov}, whose trajectory estimators run on
 * it, and above {@code law} and {@code random}.
 */
package org.probstab.trajectory;
