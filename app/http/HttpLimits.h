#pragma once

// Hard limits of the local API. Defaults are the documented production values; tests
// shrink the timeouts so they run fast.
struct HttpLimits {
    int maxHeadBytes = 16 * 1024; // request line + headers + blank line, else 431
    int maxHeaderCount = 100;     // else 431
    int maxBodyBytes = 64 * 1024; // Content-Length above this: 413 (chunked: 411)
    int maxConnections = 64;      // more at once: 503 envelope and close
    int maxPipelined = 16;        // unanswered requests per connection before reading pauses
    int idleTimeoutMs = 10000;    // keep-alive connection with nothing going on
    int requestTimeoutMs = 10000; // from a request's first byte to its last (slowloris)
    int handlerTimeoutMs = 60000; // an async handler that never answers gets a 503
    int lingerTimeoutMs = 2000;   // after a closing answer, drain the client's leftovers this long
};
