/**
 * The decoder model: activation, dense layers, the decoder, the configuration record tree and the
 * determinedness report (the paper's theorems in plain words).
 */
package starnet.model;
