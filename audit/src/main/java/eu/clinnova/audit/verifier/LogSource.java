package eu.clinnova.audit.verifier;

import java.util.List;

/** Where a verifier reads the log: the API over HTTP, or the server's own store. */
public interface LogSource {

  /**
   * One entry as served: its index, the exact leaf bytes, and the entry object as the server shows
   * it beside them (parsed; null where the source shows only the leaf).
   */
  record Entry(long index, byte[] leaf, Object shown) {}

  String checkpoint() throws Exception;

  List<Entry> entries(long start, int limit) throws Exception;

  List<byte[]> inclusionProof(long index, long size) throws Exception;

  List<byte[]> consistencyProof(long from, long to) throws Exception;
}
