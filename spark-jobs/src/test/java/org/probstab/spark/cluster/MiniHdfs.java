package org.probstab.spark.cluster;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * An in-process HDFS (one NameNode, one DataNode) on 127.0.0.1 with free ports, from the shaded
 * {@code hadoop-client-minicluster} — the only one that sits beside Spark's shaded Hadoop client (DESIGN §9).
 * Other JVMs (a driver, executors) reach it at {@link #uri()} through the Hadoop client Spark brings.
 */
final class MiniHdfs implements AutoCloseable {

    private final MiniDFSCluster cluster;

    private MiniHdfs(MiniDFSCluster cluster) {
        this.cluster = cluster;
    }

    /** Starts it with its name and data directories under {@code dir}; returns once it is active. */
    static MiniHdfs start(Path dir) throws IOException {
        Configuration conf = new Configuration();
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        // One DataNode: never look for a second one to replace a failing pipeline member.
        conf.set("dfs.client.block.write.replace-datanode-on-failure.enable", "false");
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf, dir.toAbsolutePath().toFile())
                .numDataNodes(1)
                .nameNodePort(0)
                .checkDataNodeAddrConfig(true)
                .build();
        try {
            cluster.waitActive();
            return new MiniHdfs(cluster);
        } catch (IOException | RuntimeException e) {
            cluster.shutdown(true);
            throw e;
        }
    }

    /** {@code hdfs://127.0.0.1:<port>}. */
    String uri() {
        return "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    }

    @Override
    public void close() {
        cluster.shutdown(true);
    }
}
