package dev.omne.inspector.ui.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omne.inspector.core.event.Event;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.event.GatePassed;
import dev.omne.inspector.core.event.GenericEvent;
import dev.omne.inspector.core.event.NodeCompleted;
import dev.omne.inspector.core.event.NodeStarted;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.event.Ulid;
import dev.omne.inspector.core.log.EventLog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Keeps the demo's live run going: appends an event about every half second through the same locked
 * {@link EventLog#append} the omne runner uses, so following can be seen at once. A daemon thread, stopped
 * by {@link #close()}.
 */
public final class DemoDriver implements AutoCloseable {
    private final Path log;
    private final String runId;
    private final Duration interval;
    private final Thread thread;
    private final Random random = new Random(7);
    private volatile boolean stopped;
    private int step;
    private int service = 1;
    private int pods;

    private DemoDriver(Path log, String runId, Duration interval) {
        this.log = log;
        this.runId = runId;
        this.interval = interval;
        this.thread = new Thread(this::loop, "omne-demo-driver");
        thread.setDaemon(true);
    }

    /** Starts appending to {@code log} of run {@code runId} every {@code interval}. */
    public static DemoDriver start(Path log, String runId, Duration interval) {
        DemoDriver driver = new DemoDriver(log, runId, interval);
        driver.thread.start();
        return driver;
    }

    private void loop() {
        while (!stopped) {
            try {
                Thread.sleep(interval.toMillis());
                EventLog.append(log, EventCodec.encode(next(Instant.now())));
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // the demo folder went away or is locked: try again on the next tick
            }
        }
    }

    /** The next event of the endless rollout: each service starts, reports pods, passes its gate, completes. */
    Event next(Instant now) {
        String node = "deploy-" + service;
        String id = Ulid.eventId();
        Event event;
        if (step == 0) {
            pods = 0;
            event = NodeStarted.of(id, now, runId, node, "loop", "Roll out service " + service, null);
        } else if (step <= 4) {
            pods += 1 + random.nextInt(3);
            ObjectNode json = EventCodec.mapper().createObjectNode();
            json.put("type", "node.progress");
            json.put("id", id);
            json.put("ts", Timestamps.format(now));
            json.put("run_id", runId);
            json.put("node_id", node);
            json.put("message", "rolled " + pods + " of 12 pods");
            json.put("healthy", pods - random.nextInt(2));
            event = new GenericEvent(json);
        } else if (step == 5) {
            event = GatePassed.of(id, now, runId, node, "health-check");
        } else {
            event = NodeCompleted.of(id, now, runId, node);
            service++;
            step = -1;
        }
        step++;
        return event;
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
