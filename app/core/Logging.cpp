#include "core/Logging.h"

Q_LOGGING_CATEGORY(lcGateway, "gc.gateway", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAuth, "gc.auth", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCache, "gc.cache", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSync, "gc.sync", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLocalApi, "gc.localapi", QtWarningMsg)
