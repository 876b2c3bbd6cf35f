namespace Pulse.Analytics.Language;

/// <summary>Which language a word is a function word of; a few ("in", "so") would be both and are left out.</summary>
[Flags]
internal enum FunctionWordLanguage : byte
{
    None = 0,
    English = 1,
    German = 2,
}
