#pragma once

#include "onewindow/devicesim/Preload.h"

#include <QCoreApplication>
#include <QTest>

#include <cstdio>

// main() for a Qt Test that talks to simulated USB devices: re-executes itself once under the
// umockdev preload library (see Preload.h), then runs the test class like QTEST_GUILESS_MAIN.
#define OW_DEVICESIM_TEST_MAIN(TestClass)                                                                              \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        QString preloadError;                                                                                          \
        if (!ow::devicesim::ensureUmockdevPreload(argc, argv, &preloadError)) {                                        \
            std::fprintf(stderr, "%s\n", qPrintable(preloadError));                                                    \
            return 1;                                                                                                  \
        }                                                                                                              \
        QCoreApplication app(argc, argv);                                                                              \
        TestClass test;                                                                                                \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }
