namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The Lua scripts of the store; each touches keys of one hash tag only and runs in a few microseconds.</summary>
internal static class RedisScripts
{
    /// <summary>Removes lapsed holds of the day and decrements their slots. Prepended to scripts that count.
    /// KEYS[1] holds, KEYS[2] held; ARGV[1] now (ms).</summary>
    private const string Sweep = """
        local lapsed = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        for _, m in ipairs(lapsed) do
          local slot = string.match(m, '^(.*)|[^|]*$')
          if redis.call('HINCRBY', KEYS[2], slot, -1) <= 0 then redis.call('HDEL', KEYS[2], slot) end
        end
        if #lapsed > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1]) end
        """;

    /// <summary>KEYS holds, held, taken, closed; ARGV now, expiry ms, counters, keys' time to live ms, bookings per open
    /// counter and hour (-1: no quota), places n, then n slot members and n quota members (one of each per person, in
    /// the same order). 1 placed, 0 full.</summary>
    /// <remarks>A hold is two members of the day's holds per person (a party of three: six): the place's slot and its
    /// activity hour, all with the same expiry, so they are swept together. Every place is checked before any is
    /// taken: a party is held whole or not at all. A slot takes as many people as it has open counters; an hour takes
    /// its quota per open counter of the slot the hour's first place is at. The counters closed at a slot are read
    /// here, so a closure and a hold cannot race.</remarks>
    public const string PlaceHold = Sweep + """

        local n = tonumber(ARGV[6])
        local counters = tonumber(ARGV[3])
        local per = tonumber(ARGV[5])
        local needSlot, needQuota, openOf, quotaOpen, slots, quotas = {}, {}, {}, {}, {}, {}
        for i = 1, n do
          local slot = string.match(ARGV[6 + i], '^(.*)|[^|]*$')
          local quota = string.match(ARGV[6 + n + i], '^(.*)|[^|]*$')
          if not needSlot[slot] then
            needSlot[slot] = 0
            openOf[slot] = counters - tonumber(redis.call('HGET', KEYS[4], slot) or '0')
            table.insert(slots, slot)
          end
          needSlot[slot] = needSlot[slot] + 1
          if not needQuota[quota] then
            needQuota[quota] = 0
            quotaOpen[quota] = openOf[slot]
            table.insert(quotas, quota)
          end
          needQuota[quota] = needQuota[quota] + 1
        end
        for _, slot in ipairs(slots) do
          local used = tonumber(redis.call('HGET', KEYS[3], slot) or '0') + tonumber(redis.call('HGET', KEYS[2], slot) or '0')
          if used + needSlot[slot] > openOf[slot] then return 0 end
        end
        if per >= 0 then
          for _, quota in ipairs(quotas) do
            local q = tonumber(redis.call('HGET', KEYS[3], quota) or '0') + tonumber(redis.call('HGET', KEYS[2], quota) or '0')
            if q + needQuota[quota] > per * quotaOpen[quota] then return 0 end
          end
        end
        for i = 7, 6 + 2 * n do
          redis.call('ZADD', KEYS[1], ARGV[2], ARGV[i])
          redis.call('HINCRBY', KEYS[2], string.match(ARGV[i], '^(.*)|[^|]*$'), 1)
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        redis.call('PEXPIRE', KEYS[2], ARGV[4])
        return 1
        """;

    /// <summary>KEYS holds, held, taken, closed; ARGV now. Returns {taken fields/values..., '#', held fields/values...,
    /// '#', closed fields/values...}.</summary>
    public const string Taken = Sweep + """

        local out = redis.call('HGETALL', KEYS[3])
        table.insert(out, '#')
        for _, v in ipairs(redis.call('HGETALL', KEYS[2])) do table.insert(out, v) end
        table.insert(out, '#')
        for _, v in ipairs(redis.call('HGETALL', KEYS[4])) do table.insert(out, v) end
        return out
        """;

    /// <summary>KEYS holds, held; ARGV the hold's members (its first slot member first). 1 when that member was there.</summary>
    public const string ReleaseHold = """
        local first = 0
        for i = 1, #ARGV do
          if redis.call('ZREM', KEYS[1], ARGV[i]) == 1 then
            local key = string.match(ARGV[i], '^(.*)|[^|]*$')
            if redis.call('HINCRBY', KEYS[2], key, -1) <= 0 then redis.call('HDEL', KEYS[2], key) end
            if i == 1 then first = 1 end
          end
        end
        return first
        """;

    /// <summary>KEYS holds, held, taken, bookings, status, pins, holdcodes, aborted; ARGV now, hold id, code, pin, booking
    /// JSON, keys' time to live ms, then the hold's members (its first slot member first). Returns {'ok'} | {'already',
    /// json, status} | {'lapsed'} | {'secret'}. Every place of the hold is booked in this one step: the booking counts in
    /// each place's slot and activity hour from now on. A hold given up (<see cref="MoveScripts.AbortHold"/>) is lapsed,
    /// whatever the caller's clock says.</summary>
    public const string Confirm = """
        local code = redis.call('HGET', KEYS[7], ARGV[2])
        if code then return {'already', redis.call('HGET', KEYS[4], code), redis.call('HGET', KEYS[5], code) or 'Booked'} end
        if redis.call('HEXISTS', KEYS[8], ARGV[2]) == 1 then return {'lapsed'} end
        for i = 7, #ARGV do
          local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
          if (not score) or tonumber(score) <= tonumber(ARGV[1]) then return {'lapsed'} end
        end
        if redis.call('HEXISTS', KEYS[6], ARGV[4]) == 1 or redis.call('HEXISTS', KEYS[4], ARGV[3]) == 1 then return {'secret'} end
        for i = 7, #ARGV do
          local key = string.match(ARGV[i], '^(.*)|[^|]*$')
          redis.call('ZREM', KEYS[1], ARGV[i])
          if redis.call('HINCRBY', KEYS[2], key, -1) <= 0 then redis.call('HDEL', KEYS[2], key) end
          redis.call('HINCRBY', KEYS[3], key, 1)
        end
        redis.call('HSET', KEYS[4], ARGV[3], ARGV[5])
        redis.call('HSET', KEYS[5], ARGV[3], 'Booked')
        redis.call('HSET', KEYS[6], ARGV[4], ARGV[3])
        redis.call('HSET', KEYS[7], ARGV[2], ARGV[3])
        for i = 1, 7 do redis.call('PEXPIRE', KEYS[i], ARGV[6]) end
        return {'ok'}
        """;

    /// <summary>KEYS holds, held, taken, bookings, status, pins, holdcodes, aborted; ARGV 1 now, 2 member, 3 slot, 4 hold
    /// id, 5 code, 6 pin, 7 booking JSON, 8 keys' time to live ms, 9 quota member, 10 quota key, 11 same day 1/0, 12 old
    /// slot, 13 old quota key, 14 old pin, 15 release delay ms, 16 old hold id. Returns {'ok'} | {'already', json,
    /// status} | {'aborted'} (the move was given up: its hold is tombstoned) | {'lapsed'} | {'secret'} (the PIN) |
    /// {'code'} (another day has the code) | {'gone'} (same day: the old booking is no longer booked).</summary>
    /// <remarks>On the same day the old booking is replaced under its code and its slot released in this one step. On
    /// another day only the new booking is made: the old day is another hash slot (<see cref="ReleaseMoved"/>), locked
    /// as moving before this runs (<see cref="MoveScripts.LockMoving"/>). The tombstone is read here, in the same step
    /// that would book: a finisher that gave the move up (<see cref="MoveScripts.AbortHold"/>) and a confirmation that
    /// comes late cannot both succeed, whatever clock the late one read.</remarks>
    public const string ConfirmMove = """
        local code = redis.call('HGET', KEYS[7], ARGV[4])
        if code then return {'already', redis.call('HGET', KEYS[4], code), redis.call('HGET', KEYS[5], code) or 'Booked'} end
        if redis.call('HEXISTS', KEYS[8], ARGV[4]) == 1 then return {'aborted'} end
        local score = redis.call('ZSCORE', KEYS[1], ARGV[2])
        if (not score) or tonumber(score) <= tonumber(ARGV[1]) then return {'lapsed'} end
        if redis.call('HEXISTS', KEYS[6], ARGV[6]) == 1 then return {'secret'} end
        local same = ARGV[11] == '1'
        if same then
          local old = redis.call('HGET', KEYS[4], ARGV[5])
          if redis.call('HGET', KEYS[5], ARGV[5]) ~= 'Booked' or not old or not string.find(old, '"HoldId":"' .. ARGV[16] .. '"', 1, true) then
            return {'gone'}
          end
        elseif redis.call('HEXISTS', KEYS[4], ARGV[5]) == 1 then
          return {'code'}
        end
        redis.call('ZREM', KEYS[1], ARGV[2])
        if redis.call('HINCRBY', KEYS[2], ARGV[3], -1) <= 0 then redis.call('HDEL', KEYS[2], ARGV[3]) end
        if redis.call('ZREM', KEYS[1], ARGV[9]) == 1 then
          if redis.call('HINCRBY', KEYS[2], ARGV[10], -1) <= 0 then redis.call('HDEL', KEYS[2], ARGV[10]) end
        end
        if same then
          if redis.call('HGET', KEYS[6], ARGV[14]) == ARGV[5] then redis.call('HDEL', KEYS[6], ARGV[14]) end
          if redis.call('HINCRBY', KEYS[3], ARGV[12], -1) <= 0 then redis.call('HDEL', KEYS[3], ARGV[12]) end
          if redis.call('HINCRBY', KEYS[3], ARGV[13], -1) <= 0 then redis.call('HDEL', KEYS[3], ARGV[13]) end
          if tonumber(ARGV[15]) > 0 then
            local until_ = tonumber(ARGV[1]) + tonumber(ARGV[15])
            redis.call('ZADD', KEYS[1], until_, ARGV[12] .. '|move-' .. ARGV[4])
            redis.call('HINCRBY', KEYS[2], ARGV[12], 1)
            redis.call('ZADD', KEYS[1], until_, ARGV[13] .. '|move-' .. ARGV[4])
            redis.call('HINCRBY', KEYS[2], ARGV[13], 1)
          end
        end
        redis.call('HINCRBY', KEYS[3], ARGV[3], 1)
        redis.call('HINCRBY', KEYS[3], ARGV[10], 1)
        redis.call('HSET', KEYS[4], ARGV[5], ARGV[7])
        redis.call('HSET', KEYS[5], ARGV[5], 'Booked')
        redis.call('HSET', KEYS[6], ARGV[6], ARGV[5])
        redis.call('HSET', KEYS[7], ARGV[4], ARGV[5])
        for i = 1, 7 do redis.call('PEXPIRE', KEYS[i], ARGV[8]) end
        return {'ok'}
        """;

    /// <summary>KEYS holds, held, taken, bookings, status, pins; ARGV now, code, slot, pin, release delay ms, keys' time
    /// to live ms, quota key, old hold id, new hold id. The last step of a move to another day: cancels the old booking
    /// only while this move has it locked (<c>Moving:&lt;new hold id&gt;</c>), so that a late or repeated finisher never
    /// touches a later booking of the same code. A record an older gateway began never locked: its booking is released
    /// while it is still booked and still the very booking that was moved (its hold id). 1 released, 0 nothing to do.</summary>
    public const string ReleaseMoved = """
        local st = redis.call('HGET', KEYS[5], ARGV[2])
        if st ~= 'Moving:' .. ARGV[9] then
          if st ~= 'Booked' then return 0 end
          local json = redis.call('HGET', KEYS[4], ARGV[2])
          if not json or not string.find(json, '"HoldId":"' .. ARGV[8] .. '"', 1, true) then return 0 end
        end
        redis.call('HSET', KEYS[5], ARGV[2], 'Cancelled')
        if redis.call('HGET', KEYS[6], ARGV[4]) == ARGV[2] then redis.call('HDEL', KEYS[6], ARGV[4]) end
        if redis.call('HINCRBY', KEYS[3], ARGV[3], -1) <= 0 then redis.call('HDEL', KEYS[3], ARGV[3]) end
        if redis.call('HINCRBY', KEYS[3], ARGV[7], -1) <= 0 then redis.call('HDEL', KEYS[3], ARGV[7]) end
        if tonumber(ARGV[5]) > 0 then
          local until_ = tonumber(ARGV[1]) + tonumber(ARGV[5])
          redis.call('ZADD', KEYS[1], until_, ARGV[3] .. '|move-' .. ARGV[9])
          redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
          redis.call('ZADD', KEYS[1], until_, ARGV[7] .. '|move-' .. ARGV[9])
          redis.call('HINCRBY', KEYS[2], ARGV[7], 1)
          redis.call('PEXPIRE', KEYS[1], ARGV[6])
          redis.call('PEXPIRE', KEYS[2], ARGV[6])
        end
        return 1
        """;

    /// <summary>KEYS the phone's booking index, its hold pointer, its moves; ARGV score, entry, index time to live ms,
    /// hold id, move JSON. The first half of a move to another day, on the phone's tag: the move's record and the new
    /// booking's index entry, in one call (as <see cref="IndexBooking"/>).</summary>
    public const string BeginMove = """
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
        local v = redis.call('GET', KEYS[2])
        if v and string.find(v, '"Id":"' .. ARGV[4] .. '"', 1, true) then redis.call('DEL', KEYS[2]) end
        redis.call('HSET', KEYS[3], ARGV[4], ARGV[5])
        if redis.call('PTTL', KEYS[3]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[3], ARGV[3]) end
        return 1
        """;

    /// <summary>KEYS holds, held, taken, status, pins; ARGV now, code, pin, release delay ms, keys' time to live ms, then
    /// the booking's keys (each place's slot key and activity hour). 1 cancelled. The delay's hold may create the day's
    /// holds and held keys: they get the day's time to live. Every place, slot and hour alike, cools down together.</summary>
    public const string Cancel = """
        if redis.call('HGET', KEYS[4], ARGV[2]) ~= 'Booked' then return 0 end
        redis.call('HSET', KEYS[4], ARGV[2], 'Cancelled')
        if redis.call('HGET', KEYS[5], ARGV[3]) == ARGV[2] then redis.call('HDEL', KEYS[5], ARGV[3]) end
        for i = 6, #ARGV do
          if redis.call('HINCRBY', KEYS[3], ARGV[i], -1) <= 0 then redis.call('HDEL', KEYS[3], ARGV[i]) end
          if tonumber(ARGV[4]) > 0 then
            local suffix = i == 6 and '' or ('~' .. (i - 6))
            redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[4]), ARGV[i] .. '|cancel-' .. ARGV[2] .. suffix)
            redis.call('HINCRBY', KEYS[2], ARGV[i], 1)
          end
        end
        if tonumber(ARGV[4]) > 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[5])
          redis.call('PEXPIRE', KEYS[2], ARGV[5])
        end
        return 1
        """;

    /// <summary>KEYS holds, held, taken, closed, closures; ARGV now, closure id, closure JSON, keys' time to live ms, then
    /// per slot: slot key, counters it closes, the agenda's counters. Returns {slot, bookings over its open counters,
    /// ...} for the slots still over. A closure id seen before closes nothing again (a retried request).</summary>
    /// <remarks>Holds (and cancelled places cooling down) beyond the counters left open are dropped here, every member
    /// of each (a party's places elsewhere too, its members being <c>key|id~n</c>): nobody may confirm into a closed counter. Bookings are the caller's to cancel, in its order.</remarks>
    public const string AddClosure = Sweep + """

        local fresh = redis.call('HSETNX', KEYS[5], ARGV[2], ARGV[3])
        local byId = nil
        local out = {}
        for i = 5, #ARGV, 3 do
          local slot = ARGV[i]
          if fresh == 1 then redis.call('HINCRBY', KEYS[4], slot, tonumber(ARGV[i + 1])) end
          local open = math.max(0, tonumber(ARGV[i + 2]) - tonumber(redis.call('HGET', KEYS[4], slot) or '0'))
          local booked = tonumber(redis.call('HGET', KEYS[3], slot) or '0')
          local held = tonumber(redis.call('HGET', KEYS[2], slot) or '0')
          if booked + held > open and held > 0 then
            if not byId then
              byId = {}
              for _, m in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
                local id = string.match(m, '|([^|~]*)[^|]*$')
                byId[id] = byId[id] or {}
                table.insert(byId[id], m)
              end
            end
            for id, members in pairs(byId) do
              if booked + held <= open then break end
              local mine = 0
              for _, m in ipairs(members) do
                if string.sub(m, 1, #slot + 1) == slot .. '|' then mine = mine + 1 end
              end
              if mine > 0 then
                for _, m in ipairs(members) do
                  if redis.call('ZREM', KEYS[1], m) == 1 then
                    local key = string.match(m, '^(.*)|[^|]*$')
                    if redis.call('HINCRBY', KEYS[2], key, -1) <= 0 then redis.call('HDEL', KEYS[2], key) end
                  end
                end
                byId[id] = {}
                held = held - mine
              end
            end
          end
          if booked > open then
            table.insert(out, slot)
            table.insert(out, booked - open)
          end
        end
        redis.call('PEXPIRE', KEYS[4], ARGV[4])
        redis.call('PEXPIRE', KEYS[5], ARGV[4])
        return out
        """;

    /// <summary>KEYS holds, held, taken, status, pins, closed, the closure's cancelled codes; ARGV now, code, pin,
    /// counters, places n, time to live ms, then n slot keys and n quota keys (one of each per person). 1 cancelled
    /// (and the code remembered as the closure's), 2 every slot of the booking fits its open counters, 0 not booked. A
    /// party is cancelled whole when any of its slots is over. Bookings only are counted: a place cooling down after a
    /// citizen's cancel (Booking:CancelReleaseDelay) is no booking to make room for.</summary>
    public const string CancelIfOver = Sweep + """

        if redis.call('HGET', KEYS[4], ARGV[2]) ~= 'Booked' then return 0 end
        local n = tonumber(ARGV[5])
        local over = false
        for i = 7, 6 + n do
          local open = math.max(0, tonumber(ARGV[4]) - tonumber(redis.call('HGET', KEYS[6], ARGV[i]) or '0'))
          if tonumber(redis.call('HGET', KEYS[3], ARGV[i]) or '0') > open then over = true end
        end
        if not over then return 2 end
        redis.call('HSET', KEYS[4], ARGV[2], 'Cancelled')
        if redis.call('HGET', KEYS[5], ARGV[3]) == ARGV[2] then redis.call('HDEL', KEYS[5], ARGV[3]) end
        for i = 7, #ARGV do
          if redis.call('HINCRBY', KEYS[3], ARGV[i], -1) <= 0 then redis.call('HDEL', KEYS[3], ARGV[i]) end
        end
        redis.call('SADD', KEYS[7], ARGV[2])
        redis.call('PEXPIRE', KEYS[7], ARGV[6])
        return 1
        """;

    /// <summary>KEYS closures; ARGV closure id, JSON. Rewrites a closure that is still there (never brings back a
    /// removed one).</summary>
    public const string SaveClosure = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) return 1 end
        return 0
        """;

    /// <summary>KEYS closed, closures; ARGV closure id, then per slot: slot key, counters it had closed. 1 removed, 0
    /// not there.</summary>
    public const string RemoveClosure = """
        if redis.call('HDEL', KEYS[2], ARGV[1]) == 0 then return 0 end
        for i = 2, #ARGV, 2 do
          if redis.call('HINCRBY', KEYS[1], ARGV[i], -tonumber(ARGV[i + 1])) <= 0 then redis.call('HDEL', KEYS[1], ARGV[i]) end
        end
        return 1
        """;

    /// <summary>KEYS the phone's booking index, its hold pointer; ARGV score, entry, index time to live ms, hold id.
    /// Adds the entry, keeps the index alive as long as its latest booking needs (never shortens it) and drops the
    /// pointer if it names this hold, in one call.</summary>
    public const string IndexBooking = """
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
        local v = redis.call('GET', KEYS[2])
        if v and string.find(v, '"Id":"' .. ARGV[4] .. '"', 1, true) then redis.call('DEL', KEYS[2]) end
        return 1
        """;

    /// <summary>KEYS lapse watch, reminders (one watch shard); ARGV the hold's lapse member, then due ms and member of
    /// each reminder. A confirmed hold leaves the lapse watch and its booking's reminders are scheduled, in one call.</summary>
    public const string WatchConfirmed = """
        redis.call('ZREM', KEYS[1], ARGV[1])
        for i = 2, #ARGV, 2 do redis.call('ZADD', KEYS[2], ARGV[i], ARGV[i + 1]) end
        return 1
        """;

    /// <summary>KEYS lease, conversation, opt-out, booking index; ARGV token, lease ms.
    /// {1, snapshot|false, opted out 0/1, has bookings 0/1} or {0}.</summary>
    public const string AcquireLease = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
          return {1, redis.call('GET', KEYS[2]), redis.call('EXISTS', KEYS[3]), redis.call('EXISTS', KEYS[4])}
        end
        return {0}
        """;

    /// <summary>Remembers a message id at first sight. KEYS handled messages; ARGV sid, now ms, keep ms. 1 first
    /// sight (now remembered), 0 seen within the memory. Prepended to the scripts that take a message.</summary>
    private const string Remember = """
        local function remember(key, sid, now, keep)
          local at = redis.call('ZSCORE', key, sid)
          if at and tonumber(at) >= now - keep then return 0 end
          redis.call('ZADD', key, now, sid)
          redis.call('ZREMRANGEBYSCORE', key, '-inf', now - keep)
          redis.call('PEXPIRE', key, keep)
          return 1
        end
        """;

    /// <summary>KEYS handled messages; ARGV sid, now ms, keep ms. 1 first sight, 0 a replay.</summary>
    public const string RememberMessage = Remember + """

        return remember(KEYS[1], ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]))
        """;

    /// <summary>KEYS lease, conversation, opt-out, rate counter, booking index, handled messages; ARGV token, lease
    /// ms, window ms, message sid ('' none), now ms, keep ms. The message is remembered at first sight, whatever
    /// happens to it next (refused, rate-limited, answered), so that no path can be replayed.
    /// {count, 1, snapshot|false, opted out 0/1, has bookings 0/1} | {count, 0, seen 0/1}.</summary>
    public const string CountAndAcquireLease = Remember + """

        local n = redis.call('INCR', KEYS[4])
        if n == 1 then redis.call('PEXPIRE', KEYS[4], ARGV[3]) end
        if ARGV[4] ~= '' and remember(KEYS[6], ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6])) == 0 then return {n, 0, 1} end
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
          return {n, 1, redis.call('GET', KEYS[2]), redis.call('EXISTS', KEYS[3]), redis.call('EXISTS', KEYS[5])}
        end
        return {n, 0, 0}
        """;

    /// <summary>KEYS lease, conversation; ARGV token, snapshot ('' deletes), idle ms. 1 saved, 0 lease lost.</summary>
    public const string SaveAndRelease = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        if ARGV[2] == '' then redis.call('DEL', KEYS[2]) else redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
        redis.call('DEL', KEYS[1])
        return 1
        """;

    /// <summary>KEYS watch zset; ARGV now ms, max, lease-until ms. Due members, each pushed to the lease's end.</summary>
    public const string TakeDue = """
        local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
        for _, m in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[3], m) end
        return due
        """;

    /// <summary>KEYS counter of the minute; ARGV time to live ms, limit. 1 admitted (counted), 0 the minute is full.</summary>
    public const string AdmitInMinute = """
        local n = tonumber(redis.call('GET', KEYS[1]) or '0')
        if n >= tonumber(ARGV[2]) then return 0 end
        redis.call('INCR', KEYS[1])
        if n == 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return 1
        """;

    /// <summary>KEYS lease; ARGV token.</summary>
    public const string ReleaseLease = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;
}
