package io.sluice.it.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures, while open, every event Sluice logs (logger {@code io.sluice}, every level down to TRACE)
 * through the test class path's Log4j 2 backend, as text: the formatted message and the full stack
 * trace of the attached throwable. Closing restores the logger's level and additivity.
 * Thread safety: events arrive on any producer thread; {@link #lines()} copies under the lock that
 * guards the list.
 */
final class CapturedLogs implements AutoCloseable {

    private static final String LOGGER = "io.sluice";

    private final List<String> lines = new ArrayList<>();
    private final LoggerContext context;
    private final LoggerConfig sluice;
    private final boolean ownConfig;
    private final Level previousLevel;
    private final boolean previousAdditive;
    private final AbstractAppender appender;

    private CapturedLogs() {
        context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        LoggerConfig existing = configuration.getLoggerConfig(LOGGER);
        ownConfig = !existing.getName().equals(LOGGER);
        sluice = ownConfig ? new LoggerConfig(LOGGER, Level.ALL, false) : existing;
        previousLevel = sluice.getLevel();
        previousAdditive = sluice.isAdditive();
        appender = new AbstractAppender("captured-" + System.identityHashCode(this), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                record(event);
            }
        };
        appender.start();
        sluice.addAppender(appender, Level.ALL, null);
        sluice.setLevel(Level.ALL);
        sluice.setAdditive(false); // TRACE stays out of the console report
        if (ownConfig) {
            configuration.addLogger(LOGGER, sluice);
        }
        context.updateLoggers();
    }

    /** Starts capturing. */
    static CapturedLogs start() {
        return new CapturedLogs();
    }

    private void record(LogEvent event) {
        StringBuilder text = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " - "
                + event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        synchronized (lines) {
            lines.add(text.toString());
        }
    }

    /** What was logged so far, one entry per event. */
    List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        sluice.removeAppender(appender.getName());
        if (ownConfig) {
            configuration.removeLogger(LOGGER);
        } else {
            sluice.setLevel(previousLevel);
            sluice.setAdditive(previousAdditive);
        }
        context.updateLoggers();
        appender.stop();
    }
}
