#pragma once

#include <QByteArray>

#include <memory>

class LocalApiBackend;
class LocalApiRouter;

// A session's contacts: the stored list and detail from the cache, and block / unblock
// forwarded to the gateway through the server thread's client and the ContactActionService
// (audited with origin local-api; the caller never sees the gateway token):
//   GET /api/v1/sessions/{session}/contacts, /contacts/{lid}
//   POST /api/v1/sessions/{session}/contacts/{jid}/block, /unblock
namespace ContactRoutes {
void add(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend);
} // namespace ContactRoutes
