/**
 * The service provider interfaces: what plugin modules implement.
 *
 * <h2>How the producer finds plugins</h2>
 * Each plugin module {@code provides} one of these interfaces (and ships the matching
 * {@code META-INF/services} file, so the class path works too). For each configuration value
 * naming a plugin ({@code compression.type}, {@code partitioner.class}, {@code key.serializer},
 * {@code interceptor.classes}, {@code sluice.transport}) the producer looks in this order:
 * <ol>
 *   <li>an instance or {@code Class} given directly in the configuration map;</li>
 *   <li>a provider whose class name equals the value;</li>
 *   <li>a provider whose {@link io.sluice.api.spi.Plugin#name() short name} equals the value;</li>
 *   <li>a class of that name loadable by reflection with a public no-argument constructor
 *       (for serializers and interceptors that are not registered as services).</li>
 * </ol>
 * Providers come from {@code ServiceLoader.load(type)} on the module layer of the core module and
 * the thread context class loader. If nothing matches, construction fails with
 * {@link io.sluice.api.errors.PluginNotFoundException}, naming the key, the value, the plugins
 * that were found, and the artifact to add. A provider that fails to load is reported in that
 * message and does not hide the others. Two providers with one short name: the message lists
 * both and asks to name one by class name.
 *
 * <h2>Lifecycle</h2>
 * Every producer gets fresh plugin instances ({@code ServiceLoader.Provider.get()} per producer),
 * configured once with the producer's configuration and closed when the producer closes.
 */
package io.sluice.api.spi;
