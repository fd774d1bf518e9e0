#pragma once

#include <QByteArray>

#include <memory>

class LocalApiBackend;
class LocalApiRouter;

// The console's own extras: GET /api/v1/console/health,
// POST /api/v1/console/sessions/{session}/sync (the profile's SyncService, the one the window
// shows), GET /api/v1/console/audit.
namespace ConsoleRoutes {
void add(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend);
} // namespace ConsoleRoutes
