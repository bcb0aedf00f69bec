package io.espdesk.nodemcu.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.nodemcu.Bench;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tmr, as the firmware docs describe it: numbered and object timers, modes, clock, watchdogs. */
class TmrModuleTest {
    @Test
    void autoAlarmFiresEveryIntervalInVirtualTime() {
        Bench b = Bench.legacy();
        b.board("b", "n=0 tmr.alarm(1, 1000, tmr.ALARM_AUTO, function() n=n+1 print('tick', n) end)");
        b.run(3500);
        assertEquals(List.of("1000:tick\t1", "2000:tick\t2", "3000:tick\t3"), b.timed("b"));
    }

    @Test
    void singleAlarmFiresOnceAndUnregisters() {
        Bench b = Bench.legacy();
        b.board("b", "tmr.alarm(2, 500, tmr.ALARM_SINGLE, function() print('once', tmr.state(2)) end)");
        b.run(3000);
        assertEquals(List.of("500:once\tnil"), b.timed("b"));
    }

    @Test
    void semiAlarmWaitsForStart() {
        Bench b = Bench.legacy();
        b.board("b", "n=0 tmr.register(3, 100, tmr.ALARM_SEMI, function() n=n+1 print('semi', n) if n < 3 then tmr.start(3) end end)\n"
                + "print(tmr.state(3)) tmr.start(3)");
        b.run(1000);
        assertEquals(List.of("0:false\t2", "100:semi\t1", "200:semi\t2", "300:semi\t3"), b.timed("b"));
    }

    @Test
    void stopInsideTheCallbackStopsAnAutoAlarm() {
        Bench b = Bench.legacy();
        b.board("b", "n=0 tmr.alarm(0, 200, 1, function() n=n+1 print(n) if n==2 then print(tmr.stop(0)) end end)");
        b.run(2000);
        assertEquals(List.of("1", "2", "true"), b.lines("b"));
    }

    @Test
    void badArgumentsReadAsTheFirmwaresErrors() {
        Bench b = Bench.legacy();
        b.board("b", "print(pcall(tmr.alarm, 7, 100, 1, print))\nprint(pcall(tmr.alarm, 1, 0, 1, print))\n"
                + "print(pcall(tmr.alarm, 1, 10, 5, print))\nprint(pcall(tmr.alarm, 1, 10, 1, 'x'))");
        b.run(10);
        assertEquals(List.of("false\tbad argument #1 to 'alarm' (invalid timer index)",
                "false\tbad argument #2 to 'alarm' (wrong arg range)",
                "false\tbad argument #3 to 'alarm' (invalid timer mode)",
                "false\tbad argument #4 to 'alarm' (function expected, got string)"), b.lines("b"));
    }

    @Test
    void objectApiAlarmStateIntervalUnregister() {
        Bench b = Bench.modern();
        b.board("b", "local t = tmr.create()\nprint(t:state())\n"
                + "t:alarm(1000, tmr.ALARM_AUTO, function(tt) print('fire', tt == t) if tmr.time() >= 2 then tt:interval(3000) end end)\n"
                + "print(t:state())\n"
                + "local u = tmr.create() u:register(100, tmr.ALARM_SINGLE, function() print('never') end) u:unregister() print(u:start())");
        b.run(8000);
        assertEquals(List.of("0:nil", "0:true\t1", "0:false", "1000:fire\ttrue", "2000:fire\ttrue", "5000:fire\ttrue", "8000:fire\ttrue"),
                b.timed("b"));
    }

    @Test
    void numberedTimersAreGoneOnTheModernProfile() {
        Bench b = Bench.modern();
        b.board("b", "print(tmr.alarm, tmr.create ~= nil)\ntmr.alarm(1, 100, 1, function() end)");
        b.run(10);
        List<String> l = b.lines("b");
        assertEquals("nil\ttrue", l.get(0));
        // LuaJ names no variable in this message (Lua 5.1 would add "field 'alarm'"); the place is the firmware's
        assertEquals("init.lua:2: attempt to call field 'alarm' (a nil value)", l.get(1));
    }

    @Test
    void nowTimeAndDelayFollowTheVirtualClock() {
        Bench b = Bench.legacy();
        b.board("b", "tmr.alarm(1, 2500, 0, function() local a = tmr.now() tmr.delay(1000) print(tmr.time(), a, tmr.now() - a) end)");
        b.run(3000);
        assertEquals(List.of("2\t2500000\t1000"), b.lines("b"));
    }

    @Test
    void softWatchdogRebootsUnlessRearmed() {
        Bench b = Bench.legacy();
        b.board("b", "print('boot', node.bootreason())\nif select(2, node.bootreason()) == 0 then tmr.softwd(2) end");
        b.run(3000);
        List<String> l = b.lines("b");
        assertEquals("boot\t1\t0", l.get(0));
        assertTrue(l.contains("wdt reset"), l.toString());
        assertEquals("boot\t2\t3", l.get(l.size() - 1));
    }

    @Test
    void aCallbackThatNeverReturnsTripsTheWatchdogAndOnlyThatBoardReboots() {
        Bench b = Bench.legacy();
        b.board("loop", "print('up', node.bootreason())\n"
                + "if select(2, node.bootreason()) == 0 then tmr.alarm(1, 100, 0, function() while true do end end) end");
        b.board("calm", "tmr.alarm(1, 1000, 1, function() print('still here', tmr.time()) end)");
        b.run(3100);
        assertEquals(List.of("up\t1\t0", "", " ets Jan  8 2013,rst cause:4, boot mode:(3,6)", "", "wdt reset", "up\t2\t3"), b.lines("loop"));
        assertEquals(2, b.sim.board("loop").boots());
        assertEquals(List.of("still here\t1", "still here\t2", "still here\t3"), b.lines("calm"));
    }

    @Test
    void wdclrFeedsTheWatchdog() {
        Bench b = Bench.legacy();
        b.sim.watchdog(50_000);
        b.board("b", "tmr.alarm(1, 10, 0, function() for i=1,20 do for j=1,5000 do end tmr.wdclr() end print('done') end)");
        b.run(100);
        assertEquals(List.of("done"), b.lines("b"));
        assertEquals(1, b.sim.board("b").boots());
    }
}
