#pragma once

#include <QByteArray>

#include <memory>

class LocalApiBackend;
class LocalApiRouter;

// The stored sessions, with the gateway's shapes and error envelope:
//   GET /api/v1/sessions, /api/v1/sessions/{session}
namespace SessionRoutes {
void add(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend);
} // namespace SessionRoutes
