package io.strata.protocol.auth;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The server's TLS certificate and RSA key pair, kept as PEM files in one directory: generated
 * (self-signed, RSA 2048) at first start and reused afterwards. The same key pair serves
 * caching_sha2_password's public-key exchange for clients without TLS.
 */
public final class TlsMaterial {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TlsMaterial.class);
    public static final String CERTIFICATE_FILE = "server-cert.pem";
    public static final String PRIVATE_KEY_FILE = "server-key.pem";
    public static final String PUBLIC_KEY_FILE = "public_key.pem";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final X509Certificate certificate;
    private final KeyPair keyPair;
    private final SslContext sslContext;
    private final String publicKeyPem;

    private TlsMaterial(X509Certificate certificate, KeyPair keyPair) throws SSLException {
        this.certificate = certificate;
        this.keyPair = keyPair;
        this.sslContext = SslContextBuilder.forServer(keyPair.getPrivate(), certificate)
                .protocols(List.of("TLSv1.3", "TLSv1.2"))
                .build();
        this.publicKeyPem = toPem(keyPair.getPublic());
    }

    /** Loads the material from {@code directory}, generating it first when the files are missing. */
    public static TlsMaterial loadOrCreate(Path directory) {
        try {
            Files.createDirectories(directory);
            Path certFile = directory.resolve(CERTIFICATE_FILE);
            Path keyFile = directory.resolve(PRIVATE_KEY_FILE);
            if (!Files.exists(certFile) || !Files.exists(keyFile)) {
                long started = System.nanoTime();
                generate(directory);
                LOG.info("generated a self-signed certificate and RSA key in {} ({} ms)", directory,
                        (System.nanoTime() - started) / 1_000_000);
            }
            return new TlsMaterial(readCertificate(certFile), readKeyPair(keyFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load TLS material from " + directory, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create TLS material in " + directory, e);
        }
    }

    public SslContext sslContext() { return sslContext; }

    public X509Certificate certificate() { return certificate; }

    public PrivateKey privateKey() { return keyPair.getPrivate(); }

    /** The RSA public key as PEM ("-----BEGIN PUBLIC KEY-----"), as clients request it. */
    public String publicKeyPem() { return publicKeyPem; }

    private static void generate(Path directory) throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=Strata_Server_Auto_Generated_Certificate");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, false, new BasicConstraints(false));
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
        // Key first: the certificate's presence is what marks the material complete.
        writeDurably(directory.resolve(PRIVATE_KEY_FILE), toPem(pair.getPrivate()));
        writeDurably(directory.resolve(PUBLIC_KEY_FILE), toPem(pair.getPublic()));
        writeDurably(directory.resolve(CERTIFICATE_FILE), toPem(certificate));
    }

    private static String toPem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PEM to memory", e);
        }
        return text.toString();
    }

    /** Writes to a temporary file, fsyncs, then renames, so a crash never leaves half a key. */
    private static void writeDurably(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            Object object = parser.readObject();
            if (!(object instanceof X509CertificateHolder holder)) {
                throw new IOException(file + " holds no certificate");
            }
            return new JcaX509CertificateConverter().getCertificate(holder);
        }
    }

    private static KeyPair readKeyPair(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pemPair) {
                return converter.getKeyPair(pemPair);
            }
            if (object instanceof PrivateKeyInfo info) {
                PrivateKey privateKey = converter.getPrivateKey(info);
                return new KeyPair(publicKeyOf(privateKey), privateKey);
            }
            throw new IOException(file + " holds no RSA private key");
        }
    }

    private static PublicKey publicKeyOf(PrivateKey privateKey) throws IOException {
        if (!(privateKey instanceof java.security.interfaces.RSAPrivateCrtKey crt)) {
            throw new IOException("not an RSA CRT private key");
        }
        try {
            return java.security.KeyFactory.getInstance("RSA").generatePublic(
                    new java.security.spec.RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot derive the RSA public key", e);
        }
    }
}
