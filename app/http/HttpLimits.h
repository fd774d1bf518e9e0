#pragma once

// Hard limits of the HTTP server. Defaults are the documented production values; tests
// shrink the timeouts so they run fast.
struct HttpLimits {
    int maxHeadBytes = 16 * 1024; // request line + headers + blank line, else 431
    int maxHeaderCount = 100;     // else 431
    int maxBodyBytes = 64 * 1024; // Content-Length above this: 413 (chunked: 411)
    int maxConnections = 64;      // served at once (slots); beyond: 503 and close
    // Of maxConnections, the slots only connections with an admitted request may hold. A new
    // connection finding the others taken is accepted on probation, without a slot.
    int reservedConnections = 8;
    // On probation at once; when full, the one silent the longest makes room (else 503).
    int maxOnProbation = 256;
    int maxPipelined = 16;        // unanswered requests per connection before reading pauses
    int idleTimeoutMs = 10000;    // keep-alive connection with nothing going on
    int requestTimeoutMs = 10000; // from a request's first byte to its last (slowloris)
    int handlerTimeoutMs = 60000; // an async handler that never answers gets a 503
    int lingerTimeoutMs = 2000;   // after a closing answer, drain the client's leftovers this long
    // A connection on probation with no request admitted by then is closed (408 if a request
    // is under way).
    int probationTimeoutMs = 1000;
};
