package dev.filtre.runtime.train;

import dev.filtre.dsl.Model;
import java.util.ArrayDeque;

/**
 * The replicas of one model ({@link Model#replica()}) kept from one multi-threaded {@code fit} or
 * {@code evaluate} to the next, so that repeated fits (one epoch at a time, say) do not build a
 * replica each: a replica's buffers are as large as the model's activations and gradients (0.6 MB
 * for LeNet-5, 2.7 MB for FashionNet). The trainers made from one {@link Trainer#of(Model)} share
 * one pool; it holds at most as many replicas as the most threads one of them used, for as long
 * as a trainer is reachable.
 *
 * <p>A replica is lent to one run at a time: {@link #take()} hands out an idle one (or a new one)
 * and {@link #giveBack(Model)} returns it. Replicas carry nothing from one run to the next that
 * changes results: a worker zeroes its gradients before each chunk, sets the mode each epoch and
 * seeds dropout for each sample.
 */
final class ReplicaPool {
    private final Model model;
    private final ArrayDeque<Model> idle = new ArrayDeque<>();

    ReplicaPool(Model model) {
        this.model = model;
    }

    /** An idle replica of the model, or a new one when none is idle. */
    synchronized Model take() {
        Model replica = idle.pollFirst();
        return replica != null ? replica : model.replica();
    }

    /** Makes {@code replica}, taken from this pool, available to the next run. */
    synchronized void giveBack(Model replica) {
        idle.addFirst(replica);
    }
}
