package io.platewatch.esnode;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * Starts one Elasticsearch node in this JVM from a settings file and keeps it running until the
 * process is asked to stop (SIGTERM), when it closes the node so that its shards are flushed.
 *
 * <p>The launcher in platewatch-infra prepares the node's home (modules/transport-netty4 with the
 * plugin descriptor, an empty plugins folder, config/elasticsearch.yml) and runs this class on the
 * node's module path with a JDK 21 or later. There is no Elasticsearch distribution here: this
 * replaces its bootstrap, without the entitlement agent and the production bootstrap checks.
 */
public final class ElasticsearchNodeMain {

    private ElasticsearchNodeMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ElasticsearchNodeMain <elasticsearch.yml>");
        }
        Path settingsFile = Path.of(args[0]).toAbsolutePath();
        // Logging first: loading settings already uses Elasticsearch's logging facade.
        LogConfigurator.registerErrorListener();
        LogConfigurator.configureESLogging();
        Settings settings = Settings.builder().loadFromPath(settingsFile).build();
        LogConfigurator.configureWithoutConfig(settings);

        Environment environment = new Environment(settings, settingsFile.getParent());
        PluginsLoader plugins =
                PluginsLoader.createPluginsLoader(
                        PluginsLoader.loadModulesBundles(environment.modulesDir(), false),
                        PluginsLoader.loadPluginsBundles(environment.pluginsDir(), false),
                        Map.of(),
                        true);
        Node node = new Node(environment, plugins);

        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        node.close();
                                        node.awaitClose(20, TimeUnit.SECONDS);
                                    } catch (Exception e) {
                                        e.printStackTrace();
                                    } finally {
                                        closed.countDown();
                                    }
                                },
                                "elasticsearch-node-stop"));
        node.start();
        System.out.println("platewatch: elasticsearch node started");
        closed.await();
    }
}
