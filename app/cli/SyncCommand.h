#pragma once

#include <QStringList>

// `gateway-console sync --profile NAME [--session ID ...] [--deep] [--max-in-flight N]
//  [--requests-per-minute N]`: one sync of the profile's sessions (all it can list, or the
// ones named), a progress line on stderr, exit 0 only when every sync completed (1 when one
// failed, 2 for a usage error). Needs a running QCoreApplication object, no display.
int runSyncCommand(const QStringList &args);
