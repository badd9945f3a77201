package io.sluice.testkit.fault;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chaos monkey for soak tests: on its own thread, injects faults of mixed kinds at random (seeded) moments into
 * a set of {@link FaultProxy proxies} and, if given a cluster, stops and restarts its brokers, including the leader
 * of a chosen partition. Every fault is recorded with its time and kind; {@link #stop()} lifts whatever is still
 * active and brings stopped brokers back.
 *
 * <pre>{@code
 * try (FaultSchedule chaos = FaultSchedule.builder(42)
 *         .proxies(cluster.proxies())
 *         .brokers(cluster)                       // enables BROKER_RESTART
 *         .leaderOf(topic, 0)                     // enables LEADER_RESTART, waits for in-sync replicas after restarts
 *         .pause(Duration.ofMillis(200), Duration.ofSeconds(1))
 *         .start()) {
 *     // produce ...
 *     chaos.awaitFaults(10, Duration.ofMinutes(2));
 *     chaos.stop();
 *     System.out.println(chaos.summary());        // {DROP_CONNECTIONS=2, STALL=1, ...}
 * }
 * }</pre>
 *
 * <p>What each kind does here, on a proxy drawn at random (or a broker): {@code DROP_CONNECTIONS} resets every
 * connection; {@code STALL} stops a random direction (or both) for the hold; {@code DELAY} holds each frame of a
 * random direction for a drawn frame delay, for the hold; {@code BLACKHOLE} lasts the hold; {@code HALF_FRAME} arms
 * a cut in a random direction and waits up to the hold for a frame to cut (else it is disarmed, without effect);
 * {@code REFUSE_CONNECTIONS} resets every connection and refuses new ones for the hold; {@code BROKER_RESTART}
 * stops a random running broker, {@code LEADER_RESTART} the partition's leader, for the drawn downtime, then
 * restarts it and, given a partition, waits until the topic's replicas are in sync again.
 *
 * <p>One fault at a time: pause, inject, hold, lift, pause again; so at most one broker is down at once, which a
 * cluster with replication factor 3 and {@code min.insync.replicas=2} survives without refusing writes for long.
 * The seed fixes the sequence of kinds, targets and durations; what each fault meets (which frame is cut, which
 * broker leads) depends on timing.
 *
 * <p>Thread-safe: its own thread injects; any thread may read the events, wait for faults, and stop it. The event
 * list is guarded by this object's monitor.
 */
public final class FaultSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaultSchedule.class);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    private final ScheduleSettings settings;
    private final CompletableFuture<Void> stopSignal = new CompletableFuture<>();
    private final Thread thread;

    // guarded by this
    private final List<FaultEvent> events = new ArrayList<>();
    private Throwable failure;
    private boolean finished;

    private FaultSchedule(ScheduleSettings settings) {
        this.settings = settings;
        this.thread = new Thread(this::run, "sluice-fault-schedule-" + settings.seed());
        this.thread.setDaemon(true);
    }

    /** A builder for a schedule whose random draws start from {@code seed}. */
    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    /** Every fault injected so far, in order, including attempts without effect (see {@link FaultEvent}). */
    public synchronized List<FaultEvent> events() {
        return List.copyOf(events);
    }

    /** Faults that took effect, by kind; every kind the schedule may pick is listed, with 0 if it never did. */
    public synchronized Map<FaultKind, Long> summary() {
        Map<FaultKind, Long> byKind = new EnumMap<>(FaultKind.class);
        settings.weights().keySet().forEach(kind -> byKind.put(kind, 0L));
        for (FaultEvent event : events) {
            if (event.effective()) {
                byKind.merge(event.kind(), 1L, Long::sum);
            }
        }
        return byKind;
    }

    /** The number of faults that took effect so far. */
    public synchronized int effectiveFaults() {
        return (int) events.stream().filter(FaultEvent::effective).count();
    }

    /**
     * Waits until at least {@code count} faults have taken effect.
     *
     * @return true once they have; false if {@code timeout} passed or the schedule ended first
     */
    public synchronized boolean awaitFaults(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (effectiveFaults() < count) {
            long left = deadline - System.nanoTime();
            if (finished || left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /**
     * Waits until the schedule has ended: by {@link Builder#maxFaults reaching its limit}, by {@link #stop()}, or by
     * a failure (which {@link #stop()} then reports).
     *
     * @return true once it has ended; false if {@code timeout} passed first
     */
    public synchronized boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!finished) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Whether the schedule still injects faults (not stopped, not failed, {@code maxFaults} not reached). */
    public synchronized boolean isRunning() {
        return !finished;
    }

    /**
     * Stops injecting, lifts the fault in progress, heals every proxy and restarts every broker the schedule
     * stopped; returns once that is done. Idempotent.
     *
     * @throws IllegalStateException if the schedule's thread failed (a broker would not restart, ...); the cause
     *     is that failure
     */
    public void stop() {
        stopSignal.complete(null);
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping " + this, e);
        }
        synchronized (this) {
            if (!finished) {
                throw new IllegalStateException(this + " did not stop within " + STOP_TIMEOUT
                        + "; a broker restart may hang: see the thread " + thread.getName());
            }
            if (failure != null) {
                throw new IllegalStateException(this + " failed: " + failure, failure);
            }
        }
    }

    /** {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public synchronized String toString() {
        return "FaultSchedule[seed " + settings.seed() + ", " + events.size() + " faults, effective " + summary() + "]";
    }

    private void start() {
        thread.start();
    }

    private void run() {
        Random random = new Random(settings.seed());
        FaultInjector injector = new FaultInjector(settings, stopSignal);
        Throwable failed = null;
        try {
            for (int attempt = 0; attempt < settings.maxFaults(); attempt++) {
                Duration pause = settings.pause().draw(random);
                FaultInjector.Plan plan = injector.draw(random);
                if (!injector.holdFor(pause)) {
                    break;
                }
                record(injector.inject(plan));
            }
        } catch (RuntimeException | Error e) {
            failed = e;
            LOG.error("Fault schedule {} failed; restoring proxies and brokers", settings.seed(), e);
        } finally {
            try {
                injector.restoreAll();
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
            synchronized (this) {
                failure = failed;
                finished = true;
                notifyAll();
            }
        }
    }

    private synchronized void record(FaultEvent event) {
        events.add(event);
        LOG.info("Fault {}: {}", events.size(), event);
        notifyAll();
    }

    /**
     * Describes a {@link FaultSchedule}. Obtain one with {@link FaultSchedule#builder(long)}. Not thread-safe: one
     * thread configures it and calls {@link #start()}.
     *
     * <p>Defaults: every proxy fault kind if proxies are given, {@link FaultKind#BROKER_RESTART} with
     * {@link #brokers}, {@link FaultKind#LEADER_RESTART} with {@link #leaderOf}, all with weight 1; pauses and holds
     * of 0.5 to 2 s, broker downtime of 1 to 3 s, frame delays of 20 to 200 ms, no limit on the number of faults.
     */
    public static final class Builder {

        private final long seed;
        private final List<FaultProxy> proxies = new ArrayList<>();
        private BrokerControl brokers;
        private String topic;
        private int partition;
        private Map<FaultKind, Integer> kinds; // null: the defaults
        private final Map<FaultKind, Integer> weights = new EnumMap<>(FaultKind.class);
        private ScheduleSettings.Range pause = range(Duration.ofMillis(500), Duration.ofSeconds(2));
        private ScheduleSettings.Range hold = range(Duration.ofMillis(500), Duration.ofSeconds(2));
        private ScheduleSettings.Range downtime = range(Duration.ofSeconds(1), Duration.ofSeconds(3));
        private ScheduleSettings.Range frameDelay = range(Duration.ofMillis(20), Duration.ofMillis(200));
        private int maxFaults = Integer.MAX_VALUE;
        private Clock clock = Clock.systemUTC();

        private Builder(long seed) {
            this.seed = seed;
        }

        /** The proxies network faults hit, e.g. {@code cluster.proxies()}. */
        public Builder proxies(Collection<FaultProxy> proxies) {
            proxies.forEach(proxy -> this.proxies.add(Objects.requireNonNull(proxy, "proxy")));
            return this;
        }

        /** The cluster whose brokers {@link FaultKind#BROKER_RESTART} stops and restarts. */
        public Builder brokers(BrokerControl brokers) {
            this.brokers = Objects.requireNonNull(brokers, "brokers");
            return this;
        }

        /**
         * The partition whose leader {@link FaultKind#LEADER_RESTART} stops; after every broker restart the schedule
         * also waits until all replicas of {@code topic} are in sync again. Needs {@link #brokers}.
         */
        public Builder leaderOf(String topic, int partition) {
            this.topic = Objects.requireNonNull(topic, "topic");
            this.partition = partition;
            return this;
        }

        /** Picks only these kinds (weight 1 each, unless {@link #weight} says otherwise) instead of the defaults. */
        public Builder kinds(FaultKind... kinds) {
            this.kinds = new EnumMap<>(FaultKind.class);
            for (FaultKind kind : kinds) {
                this.kinds.put(Objects.requireNonNull(kind, "kind"), 1);
            }
            return this;
        }

        /** How often {@code kind} is picked, relative to the other kinds' weights (default 1); 0 never. */
        public Builder weight(FaultKind kind, int weight) {
            if (weight < 0 || weight > 1000) {
                throw new IllegalArgumentException("Weight " + weight + " of " + kind + " is out of range; use 0 to 1000");
            }
            weights.put(Objects.requireNonNull(kind, "kind"), weight);
            return this;
        }

        /** The pause before each fault, drawn between {@code min} and {@code max}. */
        public Builder pause(Duration min, Duration max) {
            this.pause = range(min, max);
            return this;
        }

        /** How long a stall, delay, blackhole or refusal lasts, and how long an armed cut waits for a frame. */
        public Builder hold(Duration min, Duration max) {
            this.hold = range(min, max);
            return this;
        }

        /** How long a stopped broker stays down before it restarts. */
        public Builder brokerDowntime(Duration min, Duration max) {
            this.downtime = range(min, max);
            return this;
        }

        /** The per-frame delay of a {@link FaultKind#DELAY}. */
        public Builder frameDelay(Duration min, Duration max) {
            this.frameDelay = range(min, max);
            return this;
        }

        /** Ends the schedule after {@code count} faults (attempts without effect included). */
        public Builder maxFaults(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxFaults(" + count + ") must be at least 1");
            }
            this.maxFaults = count;
            return this;
        }

        /** The clock that timestamps events. Default: the UTC system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Starts the schedule's thread.
         *
         * @throws IllegalStateException if a chosen kind lacks what it hits (proxies, brokers, a partition), or no
         *     kind has a weight above 0
         */
        public FaultSchedule start() {
            FaultSchedule schedule = new FaultSchedule(settings());
            schedule.start();
            return schedule;
        }

        ScheduleSettings settings() {
            Map<FaultKind, Integer> chosen = new EnumMap<>(FaultKind.class);
            chosen.putAll(kinds == null ? defaultWeights() : kinds);
            chosen.putAll(weights);
            chosen.values().removeIf(weight -> weight == 0);
            if (chosen.isEmpty()) {
                throw new IllegalStateException("The fault schedule has no fault kind to inject: give proxies(...), "
                        + "brokers(...), or kinds(...) with a weight above 0");
            }
            for (FaultKind kind : chosen.keySet()) {
                check(kind);
            }
            return new ScheduleSettings(seed, List.copyOf(proxies), brokers, topic, partition,
                    Collections.unmodifiableMap(chosen), pause, hold, downtime, frameDelay, maxFaults, clock);
        }

        private void check(FaultKind kind) {
            if (!kind.isBrokerFault() && proxies.isEmpty()) {
                throw new IllegalStateException(kind + " needs proxies: call proxies(cluster.proxies())");
            }
            if (kind.isBrokerFault() && brokers == null) {
                throw new IllegalStateException(kind + " needs a cluster: call brokers(cluster)");
            }
            if (kind == FaultKind.LEADER_RESTART && topic == null) {
                throw new IllegalStateException(kind + " needs a partition: call leaderOf(topic, partition)");
            }
        }

        private Map<FaultKind, Integer> defaultWeights() {
            Map<FaultKind, Integer> defaults = new EnumMap<>(FaultKind.class);
            for (FaultKind kind : FaultKind.values()) {
                boolean possible = kind.isBrokerFault()
                        ? brokers != null && (kind == FaultKind.BROKER_RESTART || topic != null)
                        : !proxies.isEmpty();
                if (possible) {
                    defaults.put(kind, 1);
                }
            }
            return defaults;
        }

        private static ScheduleSettings.Range range(Duration min, Duration max) {
            return new ScheduleSettings.Range(Objects.requireNonNull(min, "min"), Objects.requireNonNull(max, "max"));
        }
    }
}
