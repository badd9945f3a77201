package io.sluice.testkit.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Injects one fault at a time for a {@link FaultSchedule}: applies it, holds it, lifts it, and says what happened.
 * Remembers the brokers it stopped, so that {@link #restoreAll()} can bring them back whatever went wrong.
 *
 * <p>Owned by the schedule's thread; {@code stopSignal} is the one thing other threads touch (they complete it to
 * cut a hold short).
 */
final class FaultInjector {

    private static final Direction[] DIRECTIONS = Direction.values();

    /**
     * The random draws for one fault. Every fault draws all of them, whatever its kind, so a seed gives the same
     * sequence of kinds and targets however the faults turn out.
     */
    record Plan(FaultKind kind, int proxyIndex, Direction direction, Duration hold, Duration downtime,
                Duration frameDelay, int brokerIndex) {
    }

    private final ScheduleSettings settings;
    private final CompletableFuture<Void> stopSignal;
    private final Set<Integer> stoppedBrokers = new TreeSet<>();

    FaultInjector(ScheduleSettings settings, CompletableFuture<Void> stopSignal) {
        this.settings = settings;
        this.stopSignal = stopSignal;
    }

    Plan draw(Random random) {
        return new Plan(pickKind(random), random.nextInt(Math.max(1, settings.proxies().size())),
                DIRECTIONS[random.nextInt(DIRECTIONS.length)], settings.hold().draw(random),
                settings.downtime().draw(random), settings.frameDelay().draw(random), random.nextInt(1 << 16));
    }

    /** Waits {@code duration}, or less if the schedule is asked to stop; false in that case. */
    boolean holdFor(Duration duration) {
        return holdFor(duration, new CompletableFuture<>());
    }

    FaultEvent inject(Plan plan) {
        Instant at = settings.clock().instant();
        if (plan.kind().isBrokerFault()) {
            return restartBroker(plan, at);
        }
        FaultProxy proxy = settings.proxies().get(plan.proxyIndex());
        String forMillis = " for " + plan.hold().toMillis() + " ms";
        switch (plan.kind()) {
            case DROP_CONNECTIONS: {
                int dropped = proxy.dropConnections();
                return new FaultEvent(at, plan.kind(), proxy.name(), dropped + " connections", dropped > 0);
            }
            case STALL:
                proxy.stall(plan.direction());
                holdFor(plan.hold());
                proxy.unstall();
                return new FaultEvent(at, plan.kind(), proxy.name(), plan.direction() + forMillis, true);
            case DELAY:
                proxy.delay(plan.direction(), plan.frameDelay());
                holdFor(plan.hold());
                proxy.delay(Direction.BOTH, Duration.ZERO);
                return new FaultEvent(at, plan.kind(), proxy.name(), plan.frameDelay().toMillis() + " ms per frame "
                        + plan.direction() + forMillis, true);
            case BLACKHOLE:
                proxy.blackhole();
                holdFor(plan.hold());
                proxy.unblackhole();
                return new FaultEvent(at, plan.kind(), proxy.name(), forMillis.trim(), true);
            case HALF_FRAME:
                return cutHalfFrame(proxy, plan, at);
            case REFUSE_CONNECTIONS: {
                proxy.refuseNewConnections(true);
                int dropped = proxy.dropConnections();
                holdFor(plan.hold());
                proxy.refuseNewConnections(false);
                return new FaultEvent(at, plan.kind(), proxy.name(), "dropped " + dropped + ", refused new ones"
                        + forMillis, true);
            }
            default:
                throw new IllegalStateException("No injection for fault kind " + plan.kind());
        }
    }

    /** Heals every proxy and restarts every broker this injector stopped. */
    void restoreAll() {
        settings.proxies().forEach(FaultProxy::heal);
        for (int brokerId : Set.copyOf(stoppedBrokers)) {
            settings.brokers().restartBroker(brokerId);
            stoppedBrokers.remove(brokerId);
        }
    }

    private FaultEvent cutHalfFrame(FaultProxy proxy, Plan plan, Instant at) {
        CompletableFuture<Void> cut = proxy.cutNextFrameInHalf(plan.direction());
        holdFor(plan.hold(), cut);
        proxy.disarmCut();
        boolean made = cut.isDone() && !cut.isCancelled();
        return new FaultEvent(at, plan.kind(), proxy.name(), "next frame " + plan.direction()
                + (made ? "" : ", no frame came within " + plan.hold().toMillis() + " ms"), made);
    }

    private FaultEvent restartBroker(Plan plan, Instant at) {
        BrokerControl brokers = settings.brokers();
        int brokerId;
        String detail;
        if (plan.kind() == FaultKind.LEADER_RESTART) {
            brokerId = brokers.leaderOf(settings.topic(), settings.partition());
            detail = "leader of " + settings.topic() + "-" + settings.partition();
            if (brokerId < 0) {
                return new FaultEvent(at, plan.kind(), "none", detail + " has no leader now", false);
            }
        } else {
            List<Integer> running = brokers.brokerIds().stream().filter(brokers::isRunning)
                    .collect(Collectors.toList());
            if (running.isEmpty()) {
                return new FaultEvent(at, plan.kind(), "none", "no broker runs", false);
            }
            brokerId = running.get(plan.brokerIndex() % running.size());
            detail = "a broker";
        }
        stoppedBrokers.add(brokerId);
        brokers.stopBroker(brokerId);
        holdFor(plan.downtime());
        brokers.restartBroker(brokerId);
        stoppedBrokers.remove(brokerId);
        if (settings.topic() != null) {
            brokers.awaitInSync(settings.topic());
        }
        return new FaultEvent(at, plan.kind(), "broker " + brokerId, detail + ", down for "
                + plan.downtime().toMillis() + " ms", true);
    }

    private FaultKind pickKind(Random random) {
        int total = settings.weights().values().stream().mapToInt(Integer::intValue).sum();
        int pick = random.nextInt(total);
        for (Map.Entry<FaultKind, Integer> weight : settings.weights().entrySet()) {
            pick -= weight.getValue();
            if (pick < 0) {
                return weight.getKey();
            }
        }
        throw new IllegalStateException("Fault weights " + settings.weights() + " add up to " + total);
    }

    /** Waits {@code duration}, or until {@code until} completes; false if the schedule is asked to stop. */
    private boolean holdFor(Duration duration, CompletableFuture<?> until) {
        try {
            CompletableFuture.anyOf(stopSignal, until).get(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException | CancellationException e) {
            // the hold ran its course, or the awaited event ended without happening
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopSignal.isDone();
    }
}
