#pragma once

// The setup the intake suites share: the demo catalogue and calendar, a fixed clock, a window key
// and a fresh store per test function. A test class derives from it after QObject.
#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/Store.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

class IntakeFixture
{
protected:
    // From initTestCase(): the catalogue, calendar, window and key, once.
    void loadOnce()
    {
        auto catalog = ow::Catalog::load(ow::Catalog::builtinPath());
        QVERIFY2(catalog.ok(), qPrintable(catalog.error()));
        m_catalog = catalog.value();
        m_calendar = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar")).value();
        m_config.windowCode = QStringLiteral("W03");
        m_config.windowName = QStringLiteral("综合窗口 3");
        m_config.clerk = QStringLiteral("李建华");
        m_config.office = QStringLiteral("杭州市西湖区行政服务中心");
        m_key = ow::receipt::WindowKey::generate(m_config.keyId()).value();
    }
    // From init() and cleanup(): a new, empty store and the clock back at its start, for each
    // test function.
    void openStore()
    {
        m_clock.set(kStart);
        m_dir = std::make_unique<QTemporaryDir>();
        auto s = ow::store::Store::open(m_dir->path());
        QVERIFY2(s.ok(), qPrintable(s.error()));
        m_store.emplace(std::move(s.value()));
    }
    void closeStore()
    {
        m_store.reset();
        m_dir.reset();
    }
    std::unique_ptr<ow::intake::IntakeWorkflow> makeWorkflow()
    {
        return std::make_unique<ow::intake::IntakeWorkflow>(
            *m_catalog, m_calendar, m_clock, *m_store, *m_key, m_config);
    }

    std::optional<ow::Catalog> m_catalog;
    ow::WorkCalendar m_calendar;
    inline static const QDateTime kStart {QDate(2026, 11, 27), QTime(9, 30)};
    ow::FixedClock m_clock {kStart};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<ow::store::Store> m_store;
    std::optional<ow::receipt::WindowKey> m_key;
    ow::intake::WindowConfig m_config;
};
