/**
 * Benchmarks run by {@code ./gaia bench}, never as tests: each writes JSON and a Markdown table
 * under {@code bench/results/} and prints its summary last.
 */
@NullMarked
package dev.gaia.bench;

import org.jspecify.annotations.NullMarked;
