#pragma once

#include <QByteArray>
#include <QByteArrayView>

// The secret that local apps present to the local API (Authorization: Bearer / x-api-key).
// Keeping it in the keychain is the caller's business; this only makes and compares tokens.
namespace LocalApiToken {

// "gcl_" + base64url (no padding) of 32 bytes from the system CSPRNG: 256 random bits.
QByteArray generate();

// True when the token looks like one generate() made (prefix, length, alphabet).
bool isWellFormed(QByteArrayView token);

// Compares a presented value with the expected secret in time that depends only on the
// lengths, never on where the first difference is.
bool equals(QByteArrayView presented, QByteArrayView expected);

} // namespace LocalApiToken
