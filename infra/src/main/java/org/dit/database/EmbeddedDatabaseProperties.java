package org.dit.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir where the embedded PostgreSQL keeps its files ({@code DIT_DATA_DIR})
 * @param port    0 picks a free port
 * @param durable fsync and synchronous_commit; only tests turn this off
 */
@ConfigurationProperties("dit.embedded-db")
record EmbeddedDatabaseProperties(@DefaultValue("./data") String dataDir, @DefaultValue("0") int port,
                                  @DefaultValue("true") boolean durable) {
}
