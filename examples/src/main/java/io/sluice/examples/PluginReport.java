package io.sluice.examples;

import io.sluice.api.errors.ConfigException;
import io.sluice.core.Producers;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Shows which plugins Sluice finds on the module path (or class path), then checks a producer
 * configuration for each codec named on the command line, as creating a producer would.
 *
 * <pre>
 * java --module-path mods --module io.sluice.examples/io.sluice.examples.PluginReport lz4 zstd
 * </pre>
 *
 * Exits with 1 if any configuration was refused.
 */
public final class PluginReport {

    private PluginReport() {
    }

    public static void main(String[] args) {
        System.out.println("Sluice plugins found (" + (PluginReport.class.getModule().isNamed() ? "module path" : "class path") + "):");
        for (Map.Entry<String, List<String>> e : Producers.availablePlugins().entrySet()) {
            System.out.println("  " + e.getKey() + ":");
            for (String line : e.getValue()) {
                System.out.println("    " + line);
            }
        }
        boolean refused = false;
        for (String codec : args) {
            Properties props = new Properties();
            props.setProperty("bootstrap.servers", "localhost:9092");
            props.setProperty("key.serializer", "string");
            props.setProperty("value.serializer", "string");
            props.setProperty("compression.type", codec);
            try {
                Producers.validate(props);
                System.out.println("compression.type=" + codec + ": OK");
            } catch (ConfigException e) {
                refused = true;
                System.out.println("compression.type=" + codec + ": REFUSED: " + e.getMessage());
            }
        }
        System.exit(refused ? 1 : 0);
    }
}
