#pragma once

// What the intake screen's GUI and desktop tests share: the context a window at the counter gets
// (the built-in catalogue and its pinyin search, the holiday calendar, window W03 with its clerk,
// a fresh signing key and its key ring).
#include "onewindow/catalog/Catalog.h"
#include "onewindow/catalog/CatalogSearch.h"
#include "onewindow/catalog/PinyinTable.h"
#include "onewindow/core/Clock.h"
#include "onewindow/ui/ClientContext.h"

#include <memory>
#include <optional>

namespace ow::testsupport {

struct IntakeTestContext
{
    std::optional<Catalog> catalog;
    std::unique_ptr<CatalogSearch> search;

    // Fills the context's clock, calendar, window, catalogue and key; the store, the devices and
    // the dialogs are the test's.
    void fill(ui::ClientContext &context, const Clock *clock)
    {
        catalog = Catalog::load(Catalog::builtinPath()).value();
        search = std::make_unique<CatalogSearch>(*catalog, PinyinTable::builtin().value());
        context.clock = clock;
        context.calendar = WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar")).value();
        context.window.windowCode = QStringLiteral("W03");
        context.window.windowName = QStringLiteral("综合窗口 3");
        context.window.clerk = QStringLiteral("李建华");
        context.window.office = QStringLiteral("杭州市西湖区行政服务中心");
        context.catalog = &*catalog;
        context.search = search.get();
        context.key = receipt::WindowKey::generate(context.window.keyId()).value();
        context.keys.add(context.key->keyId(), context.key->publicKey());
    }
};

} // namespace ow::testsupport
