using System.Reflection;
using System.Reflection.Emit;

namespace SmsBooking.TestSupport;

/// <summary>Which methods of the store interfaces the contract suites call, read from the suites' compiled code.</summary>
/// <remarks>
/// <para>A store interface is one that a public <c>Redis*</c> class of the store's assembly implements
/// (<c>RedisBookingStore : IBookingStore</c>); a contract suite is an abstract <c>*Contract</c> class of the test
/// assembly, whose tests every backend (Redis, Redis Cluster, the embedded Garnet) runs. Tests only a subclass adds
/// (one backend's) do not count.</para>
/// <para>The calls are read from the IL of the suite's methods and of the types the compiler nests in it (async state
/// machines, lambdas), so a method counts only where a suite really calls it, not where its name appears in a
/// comment, a string or another method's name.</para>
/// </remarks>
public static class ContractCoverage
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
        BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The interfaces the <c>Redis*</c> classes of <paramref name="stores"/> implement, declared there.</summary>
    public static IReadOnlyList<Type> StoreInterfaces(Assembly stores) => stores.GetExportedTypes()
        .Where(t => t.IsClass && t.Name.StartsWith("Redis", StringComparison.Ordinal))
        .SelectMany(t => t.GetInterfaces())
        .Where(i => i.Assembly == stores)
        .Distinct()
        .OrderBy(i => i.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>The abstract <c>*Contract</c> classes of <paramref name="tests"/>.</summary>
    public static IReadOnlyList<Type> Suites(Assembly tests) => tests.GetTypes()
        .Where(t => t.IsClass && t.IsAbstract && !t.IsSealed && t.Name.EndsWith("Contract", StringComparison.Ordinal))
        .ToList();

    /// <summary><c>Interface.Method</c> for each public method of a store interface of <paramref name="stores"/> that no
    /// contract suite of <paramref name="tests"/> calls (an overload counts on its own, named with its parameters).</summary>
    public static IReadOnlyList<string> Uncalled(Assembly stores, Assembly tests)
    {
        // By metadata token: a method read from IL and the same method read from its interface are not always Equal.
        var called = Suites(tests).SelectMany(CalledBy).Select(m => (m.Module, m.MetadataToken)).ToHashSet();
        return StoreInterfaces(stores)
            .SelectMany(i => i.GetMethods())
            .Where(m => !called.Contains((m.Module, m.MetadataToken)))
            .Select(Describe)
            .ToList();
    }

    /// <summary>The backends every contract suite runs on, each by a concrete subclass named for it
    /// (<c>RedisBookingStoreTests</c>, <c>RedisClusterBookingStoreTests</c>, <c>GarnetBookingStoreTests</c>).</summary>
    public static readonly IReadOnlyList<string> Backends = ["Redis", "RedisCluster", "Garnet"];

    /// <summary><c>Suite: Backend</c> for each suite of <paramref name="tests"/> that no subclass runs on that backend.</summary>
    public static IReadOnlyList<string> MissingBackends(Assembly tests)
    {
        var concrete = tests.GetTypes().Where(t => t.IsClass && !t.IsAbstract).ToList();
        return Suites(tests)
            .SelectMany(suite => Backends
                .Where(backend => !concrete.Any(t => t.IsSubclassOf(suite) && BackendOf(t) == backend))
                .Select(backend => $"{suite.Name}: {backend}"))
            .ToList();
    }

    private static string? BackendOf(Type type) =>
        Backends.OrderByDescending(b => b.Length).FirstOrDefault(b => type.Name.StartsWith(b, StringComparison.Ordinal));

    /// <summary>Every method <paramref name="suite"/> and the types nested in it call, with a call on a class that
    /// implements an interface also counted as a call of the interface's method.</summary>
    public static IEnumerable<MethodBase> CalledBy(Type suite)
    {
        foreach (var type in WithNested(suite))
        {
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                foreach (var callee in Callees(method))
                {
                    yield return callee;
                    if (callee is MethodInfo m && m.DeclaringType is { IsInterface: false } owner)
                    {
                        foreach (var i in owner.GetInterfaces())
                        {
                            var map = owner.GetInterfaceMap(i);
                            var at = Array.FindIndex(map.TargetMethods, t => t.MetadataToken == m.MetadataToken && t.Module == m.Module);
                            if (at >= 0)
                            {
                                yield return map.InterfaceMethods[at];
                            }
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<Type> WithNested(Type type) =>
        new[] { type }.Concat(type.GetNestedTypes(Declared).SelectMany(WithNested));

    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int at = 0; at < il.Length;)
        {
            short value = il[at++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[at++]);
            }
            var code = OpCodesByValue[value];
            if (code.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, at);
                var callee = Resolve(method.Module, token, typeArguments, methodArguments);
                if (callee is not null)
                {
                    yield return callee;
                }
            }
            at += OperandSize(code.OperandType, il, at);
        }
    }

    private static MethodBase? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            var resolved = module.ResolveMethod(token, typeArguments, methodArguments);
            // A generic method is named by its definition, as the interface declares it.
            return resolved is MethodInfo { IsGenericMethod: true } generic ? generic.GetGenericMethodDefinition() : resolved;
        }
        catch (ArgumentException)
        {
            return null; // a method of a generic context the reader cannot rebuild; never a store's
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };

    private static string Describe(MethodInfo m)
    {
        var overloads = m.DeclaringType!.GetMethods().Count(o => o.Name == m.Name);
        var name = $"{m.DeclaringType.Name}.{m.Name}";
        return overloads == 1 ? name : $"{name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})";
    }
}
