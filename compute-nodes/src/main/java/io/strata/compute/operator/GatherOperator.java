package io.strata.compute.operator;

import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the plan's input once per worker, each copy on its own thread over its part of the driving scan
 * ({@link PhysicalNode.Gather}), and passes their batches on in the order they arrive. A worker hands
 * over each batch's buffers (the consumer owns them until its next call) through a small bounded queue,
 * so workers run at most a few batches ahead. The first failure of any worker is thrown to the consumer;
 * closing stops the workers, waits for them and releases what they left.
 *
 * <p>Workers running at once each hold batches in flight (a scan block, its projection, a queued one) besides
 * what their operators buffer; under a statement memory too small for that ({@value #WORKER_BYTES_MIN}
 * bytes a worker) the copies run one after another on the consumer's thread instead, each with the whole
 * memory, so a small strata_query_memory_limit spills rather than fails.
 */
final class GatherOperator implements Operator {
    private static final int QUEUE_BATCHES_PER_WORKER = 2;
    static final long WORKER_BYTES_MIN = 4L << 20;
    /**
     * Worker threads of all queries: at most four per core, queued beyond (a worker never waits for a
     * worker that has not started: the first to reach a join builds its table).
     */
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(
            Math.max(2, 4 * Runtime.getRuntime().availableProcessors()), runnable -> {
        Thread thread = new Thread(runnable, "strata-worker-" + WorkerNumbers.NEXT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private static final class WorkerNumbers {
        static final AtomicInteger NEXT = new AtomicInteger();
    }

    /** What a worker puts in the queue: a batch, or its end (with its failure, if any). */
    private record Item(VectorSchemaRoot batch, Throwable failure) {}

    private final PhysicalNode.Gather plan;
    private final ExecutionContext context;
    private final OperatorFactory.Wrapper wrapper;
    private final BlockingQueue<Item> queue;
    private final List<Future<?>> running = new ArrayList<>();
    private final SharedBuilds builds = new SharedBuilds();
    private volatile boolean stopping;
    private boolean started;
    private int ended;
    private final OutputBatch current = new OutputBatch();
    private List<Operator> serialTrees; // when the copies run one after another here, those not yet done

    GatherOperator(PhysicalNode.Gather plan, ExecutionContext context, OperatorFactory.Wrapper wrapper) {
        this.plan = plan;
        this.context = context;
        this.wrapper = wrapper;
        this.queue = new ArrayBlockingQueue<>(plan.workers() * QUEUE_BATCHES_PER_WORKER + plan.workers());
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        current.close();
        if (!started) {
            start();
        }
        if (serialTrees != null) {
            return nextSerially();
        }
        while (ended < plan.workers()) {
            Cancellation.check(context);
            Item item;
            try {
                item = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for workers", e);
            }
            if (item == null) {
                continue;
            }
            if (item.batch() != null) {
                return current.replace(item.batch());
            }
            ended++;
            if (item.failure() != null) {
                throw item.failure() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("a parallel worker failed", item.failure());
            }
        }
        return null;
    }

    /** The next batch of the copies run one after another; each copy is closed once done. */
    private VectorSchemaRoot nextSerially() {
        while (!serialTrees.isEmpty()) {
            Cancellation.check(context);
            VectorSchemaRoot batch = serialTrees.getFirst().next();
            if (batch != null) {
                return batch; // the copy's own: valid until its next call, as the contract wants
            }
            serialTrees.removeFirst().close();
        }
        return null;
    }

    /** Whether the copies run one after another: the memory is too small for them all at once. */
    private boolean serial() {
        return context.memory().limitBytes() / plan.workers() < WORKER_BYTES_MIN;
    }

    /** Makes every worker's operators here (so that failures to plan surface at once), then starts them. */
    private void start() {
        started = true;
        PhysicalNode.Scan driving = drivingScan(plan.input());
        boolean serial = serial();
        List<Operator> trees = new ArrayList<>();
        try {
            for (int i = 0; i < plan.workers(); i++) {
                WorkerSlot slot = new WorkerSlot(driving, i, plan.workers(), builds);
                ExecutionContext worker = serial ? context.serialWorker(slot) : context.forWorker(slot);
                // EXPLAIN ANALYZE measures the first worker's operators: one thread each, as they need.
                trees.add(OperatorFactory.create(plan.input(), worker, i == 0 ? wrapper : (node, operator) -> operator));
            }
        } catch (RuntimeException e) {
            trees.forEach(Operator::close);
            throw e;
        }
        if (serial) {
            serialTrees = trees;
            return;
        }
        for (Operator tree : trees) {
            running.add(THREADS.submit(() -> work(tree)));
        }
    }

    /**
     * The scan whose rows the workers split: reached from the input through filters, projections, join probe
     * sides and a partial aggregate.
     */
    static PhysicalNode.Scan drivingScan(PhysicalNode node) {
        return switch (node) {
            case PhysicalNode.Scan scan -> scan;
            case PhysicalNode.Filter filter -> drivingScan(filter.input());
            case PhysicalNode.Project project -> drivingScan(project.input());
            case PhysicalNode.Join join -> drivingScan(join.left());
            case PhysicalNode.Aggregate partial -> drivingScan(partial.input()); // each worker aggregates its part
            default -> throw new IllegalArgumentException("no scan drives " + node.getClass().getSimpleName());
        };
    }

    private void work(Operator tree) {
        Throwable failure = null;
        try (tree) {
            VectorSchemaRoot batch;
            while (!stopping && (batch = tree.next()) != null) {
                VectorSchemaRoot handed = handOver(batch);
                if (!put(new Item(handed, null))) {
                    handed.close();
                    break;
                }
            }
        } catch (Throwable e) {
            failure = e;
        }
        put(new Item(null, failure));
    }

    /** Waits for room in the queue; false if the consumer stopped meanwhile. */
    private boolean put(Item item) {
        try {
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (stopping) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A batch owning the buffers of {@code batch}, which its operator may then reuse or close. */
    private VectorSchemaRoot handOver(VectorSchemaRoot batch) {
        List<FieldVector> vectors = new ArrayList<>(batch.getFieldVectors().size());
        for (FieldVector vector : batch.getFieldVectors()) {
            TransferPair transfer = vector.getTransferPair(context.allocator());
            transfer.transfer();
            vectors.add((FieldVector) transfer.getTo());
        }
        return new VectorSchemaRoot(batch.getSchema().getFields(), vectors, batch.getRowCount());
    }

    @Override
    public void close() {
        current.close();
        if (serialTrees != null) {
            serialTrees.forEach(Operator::close);
            serialTrees.clear();
        }
        stopping = true;
        for (Future<?> worker : running) {
            while (true) {
                drainQueue();
                try {
                    worker.get(50, TimeUnit.MILLISECONDS);
                    break;
                } catch (java.util.concurrent.TimeoutException e) {
                    // still running: it sees `stopping` at its next batch
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (java.util.concurrent.ExecutionException e) {
                    break; // work() catches everything; nothing to do
                }
            }
        }
        drainQueue();
        builds.close();
    }

    private void drainQueue() {
        Item item;
        while ((item = queue.poll()) != null) {
            if (item.batch() != null) {
                item.batch().close();
            }
        }
    }
}
