#pragma once

#include <QByteArray>

#include <memory>

class LocalApiBackend;
class LocalApiRouter;

// A session's stored groups and their members:
//   GET /api/v1/sessions/{session}/groups, /groups/{gid}, /groups/{gid}/members
namespace GroupRoutes {
void add(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend);
} // namespace GroupRoutes
