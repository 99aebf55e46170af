package io.strata.tests;

import io.strata.storage.ObjectStore;
import io.strata.storage.S3ObjectStore;
import io.strata.storage.S3ObjectStoreConfig;
import io.strata.tests.target.EmbeddedS3;
import io.strata.txn.checkpoint.Checkpoint;
import io.strata.txn.checkpoint.CheckpointCodec;
import io.strata.txn.checkpoint.TableFiles;
import io.strata.txn.mvcc.DataObjectRef;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads Strata's bucket directly (not through Strata): the newest checkpoint
 * ({@code checkpoints/ckpt-<lsn>.bin}, decoded by {@link CheckpointCodec}) and whether every object it
 * lists is in the bucket.
 */
final class BucketCheck {
    private BucketCheck() {}

    /** Asserts a checkpoint exists and every data and tombstone object it lists is in {@code bucket}; returns it. */
    static Checkpoint newestCheckpointIsComplete(EmbeddedS3 s3, String bucket) {
        try (ObjectStore store = open(s3, bucket)) {
            Optional<Checkpoint> newest = CheckpointCodec.latest(store);
            assertTrue(newest.isPresent(), "no checkpoint in bucket " + bucket + "; keys: " + store.list(""));
            List<String> missing = new ArrayList<>();
            for (TableFiles files : newest.get().tables().values()) {
                for (DataObjectRef object : files.dataObjects()) {
                    if (!store.exists(object.key())) {
                        missing.add(object.key());
                    }
                }
                for (String tombstones : files.tombstoneObjects()) {
                    if (!store.exists(tombstones)) {
                        missing.add(tombstones);
                    }
                }
            }
            assertTrue(missing.isEmpty(), "the newest checkpoint (lsn " + newest.get().lsn() + ") lists objects "
                    + "that are not in the bucket: " + missing);
            return newest.get();
        }
    }

    static int dataObjectCount(Checkpoint checkpoint) {
        return checkpoint.tables().values().stream().mapToInt(files -> files.dataObjects().size()).sum();
    }

    private static ObjectStore open(EmbeddedS3 s3, String bucket) {
        return new S3ObjectStore(new S3ObjectStoreConfig(s3.endpoint(), bucket, "us-east-1", EmbeddedS3.ACCESS_KEY,
                EmbeddedS3.SECRET_KEY, "", Duration.ofSeconds(10), 2));
    }
}
