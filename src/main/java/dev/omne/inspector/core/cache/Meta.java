package dev.omne.inspector.core.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The meta section of an entry: a kind, the log's path, its {@link LogIdentity}, then whatever the kind keeps, written
 * and read back field by field. Strings may be null and of any length.
 */
public final class Meta {
    private Meta() {
    }

    /** Writes a meta section. */
    public static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        private final DataOutputStream out = new DataOutputStream(bytes);

        public Out(String kind, String path, LogIdentity identity) throws IOException {
            string(kind);
            string(path);
            identity.write(out);
        }

        public Out string(String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
            } else {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
            }
            return this;
        }

        public Out longValue(long v) throws IOException {
            out.writeLong(v);
            return this;
        }

        public Out intValue(int v) throws IOException {
            out.writeInt(v);
            return this;
        }

        public Out byteValue(int v) throws IOException {
            out.writeByte(v);
            return this;
        }

        public Out bool(boolean v) throws IOException {
            out.writeBoolean(v);
            return this;
        }

        public byte[] toBytes() throws IOException {
            out.flush();
            return bytes.toByteArray();
        }
    }

    /** Reads a meta section back; a value that cannot be there is a {@link EntryReader.Damaged} entry. */
    public static final class In {
        private final DataInputStream in;
        private final int length;
        private final String kind;
        private final String path;
        private final LogIdentity identity;

        public In(byte[] meta) throws IOException {
            length = meta.length;
            in = new DataInputStream(new ByteArrayInputStream(meta));
            kind = string();
            path = string();
            identity = LogIdentity.read(in);
        }

        public String kind() {
            return kind;
        }

        public String path() {
            return path;
        }

        public LogIdentity identity() {
            return identity;
        }

        public String string() throws IOException {
            int n = in.readInt();
            if (n == -1) {
                return null;
            }
            if (n < 0 || n > length) {
                throw new EntryReader.Damaged("a string of " + n + " bytes");
            }
            return new String(in.readNBytes(n), StandardCharsets.UTF_8);
        }

        public long longValue() throws IOException {
            return in.readLong();
        }

        public int intValue() throws IOException {
            return in.readInt();
        }

        /** A count of things each at least {@code bytesEach} long: no more than the section could hold. */
        public int count(int bytesEach) throws IOException {
            int n = in.readInt();
            if (n < 0 || (long) n * Math.max(1, bytesEach) > length) {
                throw new EntryReader.Damaged("a count of " + n);
            }
            return n;
        }

        public int byteValue() throws IOException {
            return in.readByte();
        }

        public boolean bool() throws IOException {
            return in.readBoolean();
        }
    }
}
