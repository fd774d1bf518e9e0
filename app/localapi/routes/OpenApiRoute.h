#pragma once

#include <QByteArray>

class LocalApiRouter;

// GET /api/v1/openapi.json (public): our own description of every route.
namespace OpenApiRoute {
QByteArray document(); // the compiled-in JSON
void add(LocalApiRouter &router);
} // namespace OpenApiRoute
