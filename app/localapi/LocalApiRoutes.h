#pragma once

#include <memory>

class LocalApiBackend;
class LocalApiRouter;
class LocalRealtime;

// Every route of the local API on one router, grouped by resource in app/localapi/routes:
// SessionRoutes, ContactRoutes, GroupRoutes, ConsoleRoutes, RealtimeRoutes and OpenApiRoute. The
// stored answers come from the cache on the server thread's own Read connection, with the gateway's
// JSON shapes, status codes and error envelope; each carries X-Console-Synced-At, the epoch
// ms of the session's last complete sync (or of the row when none completed yet).
// Without a realtime, the realtime routes answer 503.
std::shared_ptr<LocalApiRouter> makeLocalApiRouter(std::shared_ptr<LocalApiBackend> backend,
                                                   std::shared_ptr<LocalRealtime> realtime = {});
