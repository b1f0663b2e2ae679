package com.wildrydes.localcloud;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How local-cloud starts.
 *
 * @param bindHost where the endpoint listens; loopback unless the user asks otherwise
 * @param port     the endpoint's port; 0 picks a free one (tests)
 * @param dataDir  where DynamoDB and SSM keep their data across restarts; empty keeps it in memory
 */
public record LocalCloudOptions(String bindHost, int port, Optional<Path> dataDir) {

    public static final int DEFAULT_PORT = 4566;

    /** 127.0.0.1 on a free port, in memory: what tests use. */
    public static LocalCloudOptions ephemeral() {
        return new LocalCloudOptions("127.0.0.1", 0, Optional.empty());
    }

    public LocalCloudOptions withPort(int newPort) {
        return new LocalCloudOptions(bindHost, newPort, dataDir);
    }

    public LocalCloudOptions withBindHost(String host) {
        return new LocalCloudOptions(host, port, dataDir);
    }

    public LocalCloudOptions withDataDir(Path dir) {
        return new LocalCloudOptions(bindHost, port, Optional.of(dir));
    }
}
