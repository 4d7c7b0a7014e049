namespace Apprenticeships.Functions.Pages;

/// <summary>
/// GOV.UK Design System form fields. Each field's id is its request field name, the same name the
/// API's validation problems use, so one set of rules (e.g. ReferralRules) names the field on the
/// page and in the API, and the error summary links straight to it.
/// </summary>
public static class FormFields
{
    public static Html ErrorSummary(IReadOnlyDictionary<string, string[]> errors, IReadOnlyList<string>? order = null)
    {
        if (errors.Count == 0) return Html.Empty;
        var fields = order is null ? errors.Keys.ToList() : order.Where(errors.ContainsKey).Concat(errors.Keys.Except(order)).ToList();
        var items = fields.SelectMany(f => errors[f].Select(m => Html.Of($"<li><a href=\"#{f}\">{m}</a></li>")));
        return Html.Of($"""
            <div class="govuk-error-summary" data-module="govuk-error-summary">
              <div role="alert">
                <h2 class="govuk-error-summary__title">There is a problem</h2>
                <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">{items}</ul></div>
              </div>
            </div>
            """);
    }

    public static Html Text(string name, string label, string? value, IReadOnlyDictionary<string, string[]> errors,
        string? hint = null, string type = "text", string? autocomplete = null, string width = "govuk-input--width-20", bool spellcheck = true)
    {
        var error = ErrorOf(name, errors);
        var describedBy = Describe(name, hint, error);
        return Html.Of($"""
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
              <label class="govuk-label" for="{name}">{label}</label>
              {Hint(name, hint)}{ErrorMessage(name, error)}
              <input class="govuk-input {width}{(error is null ? "" : " govuk-input--error")}" id="{name}" name="{name}" type="{type}" value="{value}"{Attr("autocomplete", autocomplete)}{Attr("aria-describedby", describedBy)}{(spellcheck ? Html.Empty : new Html(" spellcheck=\"false\""))}>
            </div>
            """);
    }

    public static Html TextArea(string name, string label, string? value, IReadOnlyDictionary<string, string[]> errors, string? hint = null, int rows = 3)
    {
        var error = ErrorOf(name, errors);
        return Html.Of($"""
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
              <label class="govuk-label" for="{name}">{label}</label>
              {Hint(name, hint)}{ErrorMessage(name, error)}
              <textarea class="govuk-textarea{(error is null ? "" : " govuk-textarea--error")}" id="{name}" name="{name}" rows="{rows}"{Attr("aria-describedby", Describe(name, hint, error))}>{value}</textarea>
            </div>
            """);
    }

    /// <summary>Day, month and year boxes (GOV.UK's date input); the first box carries the field's id so the error summary can focus it.</summary>
    public static Html Date(string name, string legend, (string? Day, string? Month, string? Year) value, IReadOnlyDictionary<string, string[]> errors,
        string? hint = null, string? autocompletePrefix = null)
    {
        var error = ErrorOf(name, errors);
        var errorClass = error is null ? "" : " govuk-input--error";
        Html Part(string part, string label, string? v, string width, string? id = null) => Html.Of($"""
            <div class="govuk-date-input__item"><div class="govuk-form-group">
              <label class="govuk-label govuk-date-input__label" for="{id ?? $"{name}-{part}"}">{label}</label>
              <input class="govuk-input govuk-date-input__input {width}{errorClass}" id="{id ?? $"{name}-{part}"}" name="{name}-{part}" type="text" inputmode="numeric" value="{v}"{Attr("autocomplete", autocompletePrefix is null ? null : $"{autocompletePrefix}-{part}")}>
            </div></div>
            """);
        return Html.Of($"""
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
              <fieldset class="govuk-fieldset" role="group"{Attr("aria-describedby", Describe(name, hint, error))}>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                {Hint(name, hint)}{ErrorMessage(name, error)}
                <div class="govuk-date-input">
                  {Part("day", "Day", value.Day, "govuk-input--width-2", name)}{Part("month", "Month", value.Month, "govuk-input--width-2")}{Part("year", "Year", value.Year, "govuk-input--width-4")}
                </div>
              </fieldset>
            </div>
            """);
    }

    public static Html Radios(string name, string legend, IEnumerable<(string Value, string Label)> options, string? selected,
        IReadOnlyDictionary<string, string[]> errors, string? hint = null, bool small = false, bool inline = false) =>
        Choices("radios", "radio", name, legend, options, value => value == selected, errors, hint,
            $"{(small ? " govuk-radios--small" : "")}{(inline ? " govuk-radios--inline" : "")}");

    public static Html Select(string name, string label, IEnumerable<(string Value, string Label)> options, string? selected,
        IReadOnlyDictionary<string, string[]> errors, string? hint = null)
    {
        var error = ErrorOf(name, errors);
        var items = options.Select(o => Html.Of($"<option value=\"{o.Value}\"{(o.Value == selected ? new Html(" selected") : Html.Empty)}>{o.Label}</option>"));
        return Html.Of($"""
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
              <label class="govuk-label" for="{name}">{label}</label>
              {Hint(name, hint)}{ErrorMessage(name, error)}
              <select class="govuk-select{(error is null ? "" : " govuk-select--error")}" id="{name}" name="{name}"{Attr("aria-describedby", Describe(name, hint, error))}>{items}</select>
            </div>
            """);
    }

    /// <summary>Several choices under one name (each checked one is sent).</summary>
    public static Html Checkboxes(string name, string legend, IEnumerable<(string Value, string Label)> options, IReadOnlySet<string> selected,
        IReadOnlyDictionary<string, string[]> errors, string? hint = null) =>
        Choices("checkboxes", "checkbox", name, legend, options, selected.Contains, errors, hint, " govuk-checkboxes--small");

    /// <summary>
    /// GOV.UK radios or checkboxes in a fieldset: <paramref name="kind"/> is the design system's component name. The first
    /// input has the name as its id, so the error summary's link lands on it.
    /// </summary>
    private static Html Choices(string kind, string inputType, string name, string legend, IEnumerable<(string Value, string Label)> options,
        Func<string, bool> isChecked, IReadOnlyDictionary<string, string[]> errors, string? hint, string modifiers)
    {
        var error = ErrorOf(name, errors);
        var items = options.Select((o, i) => Html.Of($"""
            <div class="govuk-{kind}__item">
              <input class="govuk-{kind}__input" id="{(i == 0 ? name : $"{name}-{i + 1}")}" name="{name}" type="{inputType}" value="{o.Value}"{(isChecked(o.Value) ? new Html(" checked") : Html.Empty)}>
              <label class="govuk-label govuk-{kind}__label" for="{(i == 0 ? name : $"{name}-{i + 1}")}">{o.Label}</label>
            </div>
            """));
        return Html.Of($"""
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
              <fieldset class="govuk-fieldset"{Attr("aria-describedby", Describe(name, hint, error))}>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                {Hint(name, hint)}{ErrorMessage(name, error)}
                <div class="govuk-{kind}{modifiers}" data-module="govuk-{kind}">{items}</div>
              </fieldset>
            </div>
            """);
    }

    public static Html Checkbox(string name, string legend, string label, bool isChecked, IReadOnlyDictionary<string, string[]> errors, string? hint = null)
    {
        var error = ErrorOf(name, errors);
        return Html.Of($"""
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
              <fieldset class="govuk-fieldset"{Attr("aria-describedby", Describe(name, hint, error))}>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                {Hint(name, hint)}{ErrorMessage(name, error)}
                <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                  <div class="govuk-checkboxes__item">
                    <input class="govuk-checkboxes__input" id="{name}" name="{name}" type="checkbox" value="true"{(isChecked ? new Html(" checked") : Html.Empty)}>
                    <label class="govuk-label govuk-checkboxes__label" for="{name}">{label}</label>
                  </div>
                </div>
              </fieldset>
            </div>
            """);
    }

    public static Html Button(string text, bool secondary = false, bool warning = false, string? name = null, string? value = null) => Html.Of(
        $"<button type=\"submit\" class=\"govuk-button{(secondary ? " govuk-button--secondary" : "")}{(warning ? " govuk-button--warning" : "")}\" data-module=\"govuk-button\"{Attr("name", name)}{Attr("value", value)}>{text}</button>");

    public static string? ErrorOf(string name, IReadOnlyDictionary<string, string[]> errors) =>
        errors.TryGetValue(name, out var messages) && messages.Length > 0 ? string.Join(" ", messages) : null;

    private static Html Hint(string name, string? hint) => hint is null ? Html.Empty : Html.Of($"<div id=\"{name}-hint\" class=\"govuk-hint\">{hint}</div>");

    private static Html ErrorMessage(string name, string? error) => error is null ? Html.Empty :
        Html.Of($"<p id=\"{name}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {error}</p>");

    private static string? Describe(string name, string? hint, string? error)
    {
        var ids = new[] { hint is null ? null : $"{name}-hint", error is null ? null : $"{name}-error" }.OfType<string>().ToList();
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    private static Html Attr(string attribute, string? value) => value is null ? Html.Empty : Html.Of($" {new Html(attribute)}=\"{value}\"");
}
