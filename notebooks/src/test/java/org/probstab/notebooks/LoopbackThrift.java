package org.probstab.notebooks;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Zeppelin 0.10 opens its two Thrift RPC ports (the server's interpreter-event server and the interpreter process's
 * server) with {@code new TServerSocket(port)}, which binds every interface, and has no setting for the address.
 * This writes and compiles a drop-in {@code TServerSocket} (Thrift 0.13's, line for line, except that a port alone
 * binds 127.0.0.1) for the package it lives in — {@code org.apache.thrift.transport} in the server's libthrift,
 * {@code org.apache.zeppelin.shaded.org.apache.thrift.transport} in the shaded interpreter jar — to go first on that
 * JVM's classpath, as the LambdaDeserializer fix does for Scala.
 */
final class LoopbackThrift {

    private static final String SOURCE = """
            package %1$s;

            import java.io.IOException;
            import java.net.InetAddress;
            import java.net.InetSocketAddress;
            import java.net.ServerSocket;
            import java.net.SocketException;

            /** Thrift 0.13's TServerSocket, except that a port alone binds the loopback address, not every interface. */
            public class TServerSocket extends TServerTransport {

              private ServerSocket serverSocket_ = null;
              private int clientTimeout_ = 0;

              public static class ServerSocketTransportArgs
                  extends TServerTransport.AbstractServerTransportArgs<ServerSocketTransportArgs> {
                ServerSocket serverSocket;

                public ServerSocketTransportArgs serverSocket(ServerSocket serverSocket) {
                  this.serverSocket = serverSocket;
                  return this;
                }
              }

              public TServerSocket(ServerSocket serverSocket) throws TTransportException {
                this(serverSocket, 0);
              }

              public TServerSocket(ServerSocket serverSocket, int clientTimeout) throws TTransportException {
                this(new ServerSocketTransportArgs().serverSocket(serverSocket).clientTimeout(clientTimeout));
              }

              public TServerSocket(int port) throws TTransportException {
                this(port, 0);
              }

              public TServerSocket(int port, int clientTimeout) throws TTransportException {
                this(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), clientTimeout);
              }

              public TServerSocket(InetSocketAddress bindAddr) throws TTransportException {
                this(bindAddr, 0);
              }

              public TServerSocket(InetSocketAddress bindAddr, int clientTimeout) throws TTransportException {
                this(new ServerSocketTransportArgs().bindAddr(bindAddr).clientTimeout(clientTimeout));
              }

              public TServerSocket(ServerSocketTransportArgs args) throws TTransportException {
                clientTimeout_ = args.clientTimeout;
                if (args.serverSocket != null) {
                  this.serverSocket_ = args.serverSocket;
                  return;
                }
                try {
                  serverSocket_ = new ServerSocket();
                  serverSocket_.setReuseAddress(true);
                  serverSocket_.bind(args.bindAddr, args.backlog);
                } catch (IOException ioe) {
                  close();
                  throw new TTransportException("Could not create ServerSocket on address " + args.bindAddr + ".", ioe);
                }
              }

              public void listen() throws TTransportException {
                if (serverSocket_ != null) {
                  try {
                    serverSocket_.setSoTimeout(0);
                  } catch (SocketException sx) {
                    // as Thrift: logged there, ignored
                  }
                }
              }

              protected TSocket acceptImpl() throws TTransportException {
                if (serverSocket_ == null) {
                  throw new TTransportException(TTransportException.NOT_OPEN, "No underlying server socket.");
                }
                try {
                  TSocket socket = new TSocket(serverSocket_.accept());
                  socket.setTimeout(clientTimeout_);
                  return socket;
                } catch (IOException iox) {
                  throw new TTransportException(iox);
                }
              }

              public void close() {
                if (serverSocket_ != null) {
                  try {
                    serverSocket_.close();
                  } catch (IOException iox) {
                    // as Thrift: logged there, ignored
                  }
                  serverSocket_ = null;
                }
              }

              public void interrupt() {
                close();
              }

              public ServerSocket getServerSocket() {
                return serverSocket_;
              }
            }
            """;

    private LoopbackThrift() {
    }

    /** Compiles the loopback TServerSocket of {@code pkg} against {@code thriftJar} into {@code out}. */
    static void compile(String pkg, Path thriftJar, Path out) throws IOException {
        Path src = out.resolve("src").resolve(pkg.replace('.', '/')).resolve("TServerSocket.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE.formatted(pkg));
        Path classes = Files.createDirectories(out.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this JDK (" + System.getProperty("java.home") + ")");
        }
        StringWriter log = new StringWriter();
        boolean ok = javac.getTask(log, null, null,
                List.of("-classpath", thriftJar.toString(), "-d", classes.toString(), "-proc:none", "-nowarn"),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(src)).call();
        if (!ok) {
            throw new IllegalStateException("cannot compile the loopback TServerSocket for " + pkg + ":\n" + log);
        }
    }
}
