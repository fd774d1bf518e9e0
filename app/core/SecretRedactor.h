#pragma once

#include <QString>

// Belt and braces for text that leaves the process by hand (diagnostics pasted into a
// ticket): nothing should ever log a token, but if a line did, its JWT-shaped or
// bearer-shaped parts are masked before anyone can copy them.
namespace SecretRedactor {
QString redact(const QString &text);
}
