#pragma once

#include <QByteArray>

#include <memory>

class LocalApiBackend;
class LocalApiRouter;

// The gateway's stored operations, served from the cache on the server thread's own Read
// connection, with the gateway's JSON shapes, status codes and error envelope:
//   GET /api/v1/sessions, /sessions/{session}, /{session}/contacts, /{session}/contacts/{lid},
//   /{session}/groups, /{session}/groups/{gid}, /{session}/groups/{gid}/members.
// Every stored answer carries X-Console-Synced-At: epoch ms of the session's last complete
// sync (or of the row when no sync completed yet).
namespace LocalApiRoutes {
void addStored(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend);
}

// Live actions forwarded to the gateway through the server thread's GatewayClient (the
// caller never sees the gateway token), each written to the audit log with origin local-api:
//   POST /api/v1/sessions/{session}/contacts/{jid}/block and /unblock
namespace LocalApiForwardRoutes {
void add(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend);
}

// Console-only extras: GET /api/v1/console/health, POST /api/v1/console/sessions/{session}/sync,
// GET /api/v1/console/audit.
namespace LocalApiConsoleRoutes {
void add(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend);
}

// GET /api/v1/openapi.json (public): our own description of every route above.
namespace LocalApiOpenApiRoute {
QByteArray document(); // the compiled-in JSON
void add(LocalApiRouter &router);
} // namespace LocalApiOpenApiRoute

// All of the above on one router.
std::shared_ptr<LocalApiRouter> makeLocalApiRouter(std::shared_ptr<LocalApiBackend> backend);
