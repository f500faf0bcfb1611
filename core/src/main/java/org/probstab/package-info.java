/**
 * probstab core: the mathematics of probabilistic stability of SGD (see DESIGN.md §2).
 */
package org.probstab;
