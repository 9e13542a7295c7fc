package dev.sitepulse.pinger;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What {@link Pinger#checkAll(List, java.util.function.Consumer, java.util.concurrent.CompletionStage)}
 * returns: the checks it gave its {@code onEach}, in input order, and when {@code onEach} is done
 * with the last of them. After a stop that may be later: a line still being written when the run
 * returned must end before the output does, or it is cut.
 *
 * @param outputDone completes once no {@code onEach} runs or will; already done for a run not stopped
 */
public record CheckRun(List<CheckResult> results, CompletableFuture<Void> outputDone) {}
