package cn.gov.zhaoshang.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.namastack.outbox.OutboxProcessingScheduler;
import io.namastack.outbox.trigger.OutboxPollingTrigger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.TriggerContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends outbox records right after the transaction that wrote them commits, instead of at the next
 * poll: with a fixed 500 ms poll an event waited 250 ms on average and a relay of 50 records per
 * poll topped out at 100 events/s (docs/benchmarks/history.md, propagation).
 *
 * <p>It is the outbox's polling trigger (namastack-outbox takes a bean of that type in place of its
 * own), so it knows when a poll ends. A commit asks for a run on a single wake-up thread; the
 * outbox refuses a run while another is in progress, and that run may have read its records before
 * the commit, so a commit also marks a wake-up as pending, and a scheduled run that ends with one
 * pending is followed by another at once. The configured interval stays as the safety net, for
 * records whose first send failed and for commits in other instances of the service.
 */
public class OutboxWakeUp implements OutboxPollingTrigger, DisposableBean {

    private final Duration interval;
    private final ObjectProvider<OutboxProcessingScheduler> scheduler;
    /**
     * The outbox's scheduler once found. It cannot be injected (it is built with this trigger), and
     * resolving it in the bean factory on every commit showed in the profile of the wake-up thread.
     */
    private volatile OutboxProcessingScheduler outbox;
    private final ExecutorService wakeUpThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-wake-up");
        thread.setDaemon(true);
        return thread;
    });
    /** A run was asked for since the last scheduled run began. */
    private final AtomicBoolean pending = new AtomicBoolean();
    /** A run is queued on the wake-up thread and has not begun: later commits join it. */
    private final AtomicBoolean queued = new AtomicBoolean();

    public OutboxWakeUp(Duration interval, ObjectProvider<OutboxProcessingScheduler> scheduler) {
        this.interval = interval;
        this.scheduler = scheduler;
    }

    /** Asks for a run once the current transaction commits; nothing happens if it rolls back. */
    public void afterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeUp();
            }
        });
    }

    /** Runs the outbox on the wake-up thread soon; several calls before it begins make one run. */
    void wakeUp() {
        pending.set(true);
        if (queued.compareAndSet(false, true) && !wakeUpThread.isShutdown()) {
            wakeUpThread.execute(() -> {
                queued.set(false);
                OutboxProcessingScheduler current = outbox();
                if (current != null && current.isRunning()) {
                    current.process();
                }
            });
        }
    }

    private OutboxProcessingScheduler outbox() {
        OutboxProcessingScheduler found = outbox;
        if (found == null) {
            found = scheduler.getIfAvailable();
            outbox = found;
        }
        return found;
    }

    @Override
    public Instant nextExecution(TriggerContext context) {
        Instant lastCompletion = context.lastCompletion();
        if (lastCompletion == null) {
            // the scheduler's clock, not the service's: tests may set the service's to another day
            return context.getClock().instant().plus(interval);
        }
        return pending.getAndSet(false) ? lastCompletion : lastCompletion.plus(interval);
    }

    @Override
    public void destroy() throws InterruptedException {
        wakeUpThread.shutdown();
        wakeUpThread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
