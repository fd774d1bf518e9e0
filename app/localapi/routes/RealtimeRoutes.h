#pragma once

#include <memory>

class LocalApiBackend;
class LocalApiRouter;
class LocalRealtime;

// The gateway's realtime contract on the local server, fed by the console's own subscription
// (LiveBroadcast):
//   POST /api/v1/realtime/ticket   with the local token; body {"scope","session","events",
//                                  "since"} (empty: the organization, every event); 201
//                                  {"ticket","expiresInSeconds":30,"url":"ws://HOST/..."}
//   GET  /api/v1/realtime?ticket=  the WebSocket. The ticket is single-use and lives 30 s;
//                                  none is 401 "missing ticket", a used, expired or unknown
//                                  one 401 "invalid or expired ticket", the 17th connection
//                                  503, all as plain HTTP before any upgrade. A GET without
//                                  an upgrade spends the ticket and gets 426.
// Without a realtime (null) both answer 503.
namespace RealtimeRoutes {
void add(LocalApiRouter &router, std::shared_ptr<LocalApiBackend> backend,
         std::shared_ptr<LocalRealtime> realtime);
} // namespace RealtimeRoutes
