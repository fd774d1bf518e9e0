#include "localapi/LocalApiRoutes.h"

#include "localapi/LocalApiRouter.h"
#include "localapi/routes/ConsoleRoutes.h"
#include "localapi/routes/ContactRoutes.h"
#include "localapi/routes/GroupRoutes.h"
#include "localapi/routes/OpenApiRoute.h"
#include "localapi/routes/RealtimeRoutes.h"
#include "localapi/routes/SessionRoutes.h"

std::shared_ptr<LocalApiRouter> makeLocalApiRouter(std::shared_ptr<LocalApiBackend> backend,
                                                   std::shared_ptr<LocalRealtime> realtime)
{
    auto router = std::make_shared<LocalApiRouter>();
    SessionRoutes::add(*router, backend);
    ContactRoutes::add(*router, backend);
    GroupRoutes::add(*router, backend);
    ConsoleRoutes::add(*router, backend);
    RealtimeRoutes::add(*router, backend, std::move(realtime));
    OpenApiRoute::add(*router);
    return router;
}
