/**
 * The MySQL wire protocol in front of a {@link io.strata.common.session.SessionFactory}.
 *
 * <p>Stages, one package each: {@code codec} frames packets (16 MB pieces joined and split,
 * sequence ids, OK/ERR/EOF), {@code handshake} and {@code auth} admit a client
 * (HandshakeV10, mysql_native_password, caching_sha2_password with its RSA and TLS paths, the
 * certificate kept in the TLS directory), {@code command} runs the command phase against the
 * Session, and {@code types} maps {@link io.strata.common.type.DataType} to column definitions and
 * to the text and binary value encodings. {@code connection} ties them together: Netty's event
 * loop does the I/O, and each connection's packets run in order on a worker pool so a slow
 * statement never blocks another connection.
 *
 * <p>Entry point: {@link io.strata.protocol.MysqlServer#start}.
 */
package io.strata.protocol;
