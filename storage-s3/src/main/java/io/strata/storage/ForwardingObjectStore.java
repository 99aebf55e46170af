package io.strata.storage;

import java.util.List;
import java.util.Objects;

/**
 * An {@link ObjectStore} that passes every call to another one: the base of stores that wrap a store
 * to cache, count or record some calls, which then override only those.
 */
public abstract class ForwardingObjectStore implements ObjectStore {
    protected final ObjectStore delegate;

    protected ForwardingObjectStore(ObjectStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void put(String key, byte[] bytes) {
        delegate.put(key, bytes);
    }

    @Override
    public byte[] get(String key) {
        return delegate.get(key);
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        return delegate.getRange(key, offset, length);
    }

    @Override
    public long size(String key) {
        return delegate.size(key);
    }

    @Override
    public boolean exists(String key) {
        return delegate.exists(key);
    }

    @Override
    public List<String> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
