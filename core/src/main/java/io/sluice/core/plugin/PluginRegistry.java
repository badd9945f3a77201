package io.sluice.core.plugin;

import io.sluice.api.errors.ConfigException;
import io.sluice.api.errors.PluginNotFoundException;
import io.sluice.api.spi.Plugin;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the plugins a producer's configuration names. One registry per producer, used by the thread
 * that constructs it; not thread-safe.
 *
 * <p>Lookup order for a configured value (documented for users in {@code io.sluice.api.spi}):
 * <ol>
 *   <li>an instance of the SPI type, used as is;</li>
 *   <li>a {@code Class}, or a string equal to a provider's class name: that provider;</li>
 *   <li>an alias (e.g. Kafka's {@code org.apache.kafka.common.serialization.StringSerializer} for the
 *       built-in {@code string}), then a provider whose {@link Plugin#name()} equals the string;</li>
 *   <li>a class of that name loaded by reflection, if it implements the SPI and has a public
 *       no-argument constructor.</li>
 * </ol>
 * Providers come from {@link ServiceLoader} with the thread context class loader (which covers the
 * boot layer's modules and the class path) and, if the core module lives in another layer, that
 * layer. A provider that fails to load is remembered and reported beside any "not found" error;
 * it does not hide the others.
 */
public final class PluginRegistry {

    private static final Logger log = LoggerFactory.getLogger(PluginRegistry.class);

    private final ClassLoader loader;
    private final Map<Class<?>, Discovery<?>> discovered = new LinkedHashMap<>();

    public PluginRegistry() {
        this(defaultLoader());
    }

    public PluginRegistry(ClassLoader loader) {
        this.loader = loader;
    }

    private static ClassLoader defaultLoader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : PluginRegistry.class.getClassLoader();
    }

    /**
     * Resolves one configured plugin.
     *
     * @param spi     the SPI type
     * @param key     the configuration key, for messages
     * @param value   an instance, a {@code Class}, or a class name or short name
     * @param aliases extra names mapping to short names (may be empty)
     * @throws PluginNotFoundException if nothing matches, naming key, value, what was found and what to add
     * @throws ConfigException if a class matches but cannot be used
     */
    public <T extends Plugin> T resolve(Class<T> spi, String key, Object value, Map<String, String> aliases) {
        if (spi.isInstance(value)) {
            return spi.cast(value);
        }
        if (value instanceof Class<?> c) {
            return byClass(spi, key, c);
        }
        if (!(value instanceof String name) || name.isBlank()) {
            throw new ConfigException(key, key + "=" + value + " does not name a " + spi.getSimpleName()
                    + ": give a short name, a class name, a Class or an instance");
        }
        Discovery<T> found = discover(spi);
        PluginCandidate<T> byType = found.byClassName(name);
        if (byType != null) {
            return found.take(byType);
        }
        String shortName = aliases.getOrDefault(name, name);
        List<PluginCandidate<T>> named = found.byName(shortName);
        if (!named.isEmpty()) {
            if (named.size() > 1) {
                log.warn("{} {}s are named \"{}\": {}. Using the first, {}; to pin one, set {} to its class name.",
                        named.size(), spi.getSimpleName(), shortName,
                        named.stream().map(PluginCandidate::describe).collect(Collectors.joining(", ")),
                        named.get(0).type().getName(), key);
            }
            return found.take(named.get(0));
        }
        Class<?> loaded = tryLoadClass(name);
        if (loaded != null) {
            return byClass(spi, key, loaded);
        }
        throw new PluginNotFoundException(key, NotFoundMessage.build(spi, key, name, found));
    }

    /** Every provider of {@code spi} found, with fresh instances (for diagnostics). */
    public <T extends Plugin> List<PluginCandidate<T>> available(Class<T> spi) {
        return discover(spi).candidates();
    }

    /** Messages of providers of {@code spi} that failed to load. */
    public List<String> failures(Class<?> spi) {
        Discovery<?> d = discovered.get(spi);
        return d == null ? List.of() : d.failures();
    }

    private <T extends Plugin> T byClass(Class<T> spi, String key, Class<?> c) {
        if (!spi.isAssignableFrom(c)) {
            throw new ConfigException(key, key + "=" + c.getName() + " is not a " + spi.getName()
                    + "; the class must implement that interface");
        }
        PluginCandidate<T> provider = discover(spi).byClassName(c.getName());
        if (provider != null && provider.type() == c) {
            return discover(spi).take(provider);
        }
        try {
            return spi.cast(c.getConstructor().newInstance());
        } catch (NoSuchMethodException e) {
            throw new ConfigException(key, key + "=" + c.getName() + " has no public no-argument constructor; add one, "
                    + "or register the class as a provider of " + spi.getName(), e);
        } catch (IllegalAccessException e) {
            throw new ConfigException(key, key + "=" + c.getName() + " cannot be instantiated from io.sluice.core ("
                    + e.getMessage() + "); declare it with \"provides " + spi.getName() + " with " + c.getName()
                    + "\" in its module-info, or export its package", e);
        } catch (InstantiationException | InvocationTargetException | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new ConfigException(key, key + "=" + c.getName() + " could not be instantiated: " + cause, cause);
        }
    }

    private Class<?> tryLoadClass(String name) {
        if (!name.contains(".")) {
            return null; // a short name, not a class name
        }
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends Plugin> Discovery<T> discover(Class<T> spi) {
        return (Discovery<T>) discovered.computeIfAbsent(spi, s -> scan(spi));
    }

    private <T extends Plugin> Discovery<T> scan(Class<T> spi) {
        Map<String, PluginCandidate<T>> byType = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        collect(ServiceLoader.load(spi, loader), byType, failures);
        ModuleLayer layer = PluginRegistry.class.getModule().getLayer();
        if (layer != null && layer != ModuleLayer.boot()) {
            collect(ServiceLoader.load(layer, spi), byType, failures);
        }
        return new Discovery<>(new ArrayList<>(byType.values()), failures);
    }

    /** Iterates providers one by one so that a broken one is reported and skipped. */
    private static <T extends Plugin> void collect(ServiceLoader<T> loader, Map<String, PluginCandidate<T>> byType,
                                                   List<String> failures) {
        Iterator<ServiceLoader.Provider<T>> it = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<T> provider;
            try {
                if (!it.hasNext()) {
                    return;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                failures.add(describe(e));
                continue;
            }
            try {
                T instance = provider.get();
                byType.putIfAbsent(instance.getClass().getName(),
                        new PluginCandidate<>(instance.name(), instance.getClass(), instance));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures.add(describe(e));
            }
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (caused by " + root + ")";
    }
}
