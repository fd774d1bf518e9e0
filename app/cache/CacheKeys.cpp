#include "cache/CacheKeys.h"

#include "cache/SearchText.h"

namespace CacheKeys {

QVariant nameKey(const OptString &name, const OptString &businessName)
{
    for (const OptString &candidate : {name, businessName}) {
        if (candidate) {
            const QString key = SearchText::fold(*candidate);
            if (!key.isEmpty())
                return key;
        }
    }
    return SearchText::maxChar();
}

} // namespace CacheKeys
