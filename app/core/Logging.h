#pragma once

#include <QLoggingCategory>

// One category per area, quiet by default (QT_LOGGING_RULES="gc.*.debug=true" turns them on).
// No category ever receives a token: log request paths, statuses and request ids only.
Q_DECLARE_LOGGING_CATEGORY(lcGateway)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcCache)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcLocalApi)
